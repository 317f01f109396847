#pragma once

#include "http/request.h"
#include "http/response.h"

#include <functional>
#include <string>

namespace kessai::gateway {

// Where features install their routes. A pattern is a regular expression the whole path must
// match; its groups become HttpRequest::pathArguments.
class Router
{
public:
    using Handler = std::function<void(const HttpRequest &, HttpResponse &)>;

    virtual ~Router() = default;
    virtual void get(const std::string &pattern, Handler handler) = 0;
    virtual void post(const std::string &pattern, Handler handler) = 0;
    virtual void patch(const std::string &pattern, Handler handler) = 0;
    virtual void del(const std::string &pattern, Handler handler) = 0;
};

} // namespace kessai::gateway
