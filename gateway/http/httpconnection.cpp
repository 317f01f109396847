#include "httpconnection.h"

#include "ca/certificateauthority.h"
#include "common/apierror.h"
#include "common/logtext.h"
#include "db/database.h"
#include "security/crypto.h"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/string.hpp>
#include <boost/beast/http/chunk_encode.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>

#include <openssl/ssl.h>
#include <openssl/x509.h>

#include <iterator>
#include <regex>

namespace kessai::gateway {

namespace http = beast::http;

namespace {

constexpr std::size_t FirstReadBytes = 4096;
// What the read buffer may hold beyond a whole head: one read (Beast reads up to 64 KiB).
constexpr std::size_t ReadBufferSlack = 64 * 1024;
constexpr std::chrono::milliseconds ShutdownTimeout{2000};

// A body may take the head's deadline and a second for every 64 KB more: a slow sender of a
// small body is cut off as early as a slow sender of a head, a large body has time to arrive.
std::chrono::milliseconds bodyTimeout(const EdgeLimits &limits, std::uint64_t bytes)
{
    return limits.headTimeout + std::chrono::milliseconds(bytes / 64);
}

std::time_t notAfter(X509 *certificate)
{
    const ASN1_TIME *time = certificate ? X509_get0_notAfter(certificate) : nullptr;
    struct tm fields = {};
    if (!time || ASN1_TIME_to_tm(time, &fields) != 1)
        return 0;
    return timegm(&fields);
}

bool isParseError(const beast::error_code &error)
{
    return error.category() == make_error_code(http::error::bad_target).category()
           && error != http::error::end_of_stream && error != http::error::partial_message;
}

// Whether the buffered request line ends in a well-formed version token ("HTTP/9.9"), one the
// gateway does not speak rather than garbage.
bool hasVersionToken(net::const_buffer head)
{
    const std::string_view bytes(static_cast<const char *>(head.data()), head.size());
    const std::string_view line = bytes.substr(0, bytes.find("\r\n"));
    static const std::regex versioned(R"(^[A-Z]+ \S+ HTTP/[0-9]\.[0-9]$)");
    return std::regex_match(line.begin(), line.end(), versioned);
}

beast::string_view view(const QByteArray &bytes)
{
    return {bytes.constData(), size_t(bytes.size())};
}

template<class Body>
void setHeaders(http::response<Body> &message, const HttpResponse &response, unsigned version, bool keepAlive)
{
    message.version(version);
    message.result(unsigned(response.status));
    message.set("X-Request-Id", view(response.requestId));
    for (const auto &[name, value] : response.headers)
        message.set(view(name), view(value));
    if (!response.contentType.isEmpty())
        message.set(http::field::content_type, view(response.contentType));
    message.keep_alive(keepAlive);
}

using Message = http::response<http::string_body>;

std::shared_ptr<Message> makeMessage(const HttpResponse &response, unsigned version, bool keepAlive, bool head)
{
    auto message = std::make_shared<Message>();
    setHeaders(*message, response, version, keepAlive);
    message->body().assign(response.body.constData(), size_t(response.body.size()));
    message->prepare_payload();
    // HEAD: the headers of the GET answer, Content-Length included, without its body.
    if (head)
        message->body().clear();
    return message;
}

} // namespace

struct HttpConnection::Request
{
    std::shared_ptr<Exchange> exchange;
    HttpRequest request;
    unsigned version = 11;
    bool keepAlive = true;
    bool head = false;
};

HttpConnection::HttpConnection(tcp::socket &&socket, HttpServer::Impl &server, std::string address)
    : m_stream(std::move(socket), server.tls)
    // Bounded: Beast applies no limit of its own to chunk lines and trailers, only this does.
    , m_buffer(server.limits.headBytes + ReadBufferSlack)
    , m_server(server)
    , m_address(std::move(address))
{}

HttpConnection::~HttpConnection()
{
    m_server.leaveIdle(this);
    m_server.releaseSlot(m_address);
}

void HttpConnection::closeIfIdle()
{
    net::post(m_stream.get_executor(), [self = shared_from_this()] {
        // On the strand: a request whose first byte came meanwhile is served instead.
        if (!self->m_idle)
            return;
        beast::error_code ignored;
        beast::get_lowest_layer(self->m_stream).socket().shutdown(tcp::socket::shutdown_both, ignored);
        beast::get_lowest_layer(self->m_stream).cancel();
    });
}

void HttpConnection::expiresAfter(std::chrono::milliseconds timeout)
{
    beast::get_lowest_layer(m_stream).expires_after(timeout);
}

void HttpConnection::start()
{
    net::dispatch(m_stream.get_executor(), [self = shared_from_this()] {
        // The whole handshake under one deadline, however slowly its bytes arrive.
        self->expiresAfter(self->m_server.limits.handshakeTimeout);
        self->m_stream.async_handshake(net::ssl::stream_base::server,
                                       [self](beast::error_code error) { self->onHandshake(error); });
    });
}

void HttpConnection::onHandshake(beast::error_code error)
{
    if (error)
        return; // refused by the verify hook, timed out or gone: nothing to answer
    X509 *peer = SSL_get1_peer_certificate(m_stream.native_handle());
    m_fingerprint = CertificateAuthority::fingerprint(peer);
    m_notAfter = notAfter(peer);
    X509_free(peer);
    waitForRequest();
}

void HttpConnection::waitForRequest()
{
    if (m_server.draining) {
        shutdown();
        return;
    }
    m_parser.emplace();
    m_parser->header_limit(std::uint32_t(m_server.limits.headBytes));
    m_parser->body_limit(m_server.limits.bodyBytes);
    m_exchange = std::make_shared<Exchange>();
    m_exchange->address = QString::fromStdString(m_address);
    if (m_buffer.size() > 0) {
        readHead();
        return;
    }
    // Idle until the first byte of the next request; its head then has its own deadline.
    if (!m_server.enterIdle(shared_from_this())) {
        shutdown();
        return;
    }
    m_idle = true;
    expiresAfter(m_server.limits.idleTimeout);
    m_stream.async_read_some(m_buffer.prepare(FirstReadBytes),
                             [self = shared_from_this()](beast::error_code error, std::size_t bytes) {
                                 self->m_idle = false;
                                 self->m_server.leaveIdle(self.get());
                                 if (error)
                                     return;
                                 self->m_buffer.commit(bytes);
                                 self->readHead();
                             });
}

void HttpConnection::readHead()
{
    m_exchange->timer.start();
    expiresAfter(m_server.limits.headTimeout);
    http::async_read_header(m_stream, m_buffer, *m_parser, [self = shared_from_this()](beast::error_code error, std::size_t) {
        self->onHead(error);
    });
}

void HttpConnection::onHead(beast::error_code error)
{
    if (!error || error == http::error::body_limit) {
        const auto &message = m_parser->get();
        m_exchange->method = std::string(message.method_string());
        m_exchange->target = std::string(message.target());
    }
    if (error == http::error::header_limit) {
        // The parser leaves what it refused in the buffer: without a line end in it, it is the
        // request line (the target, in practice) that is too long.
        const auto head = m_buffer.cdata();
        const std::string_view bytes(static_cast<const char *>(head.data()), head.size());
        if (bytes.find("\r\n") == std::string_view::npos)
            refuse(m_exchange, 414, QStringLiteral("uri_too_long"), QStringLiteral("The request target is too long."), false);
        else
            refuse(m_exchange, 431, QStringLiteral("bad_request"), QStringLiteral("The request line or headers are too large."), false);
        return;
    }
    if (error == http::error::body_limit) {
        refuse(m_exchange, 413, QStringLiteral("payload_too_large"), QStringLiteral("The request body is too large."), false);
        return;
    }
    // HTTP/1.0 and 1.1 only (the parser refuses other versions), and the answer says so; a
    // request line that is not "METHOD TARGET HTTP/d.d" at all stays a plain 400.
    if (error == http::error::bad_version && hasVersionToken(m_buffer.cdata())) {
        refuse(m_exchange,
               505,
               QStringLiteral("http_version_not_supported"),
               QStringLiteral("The gateway speaks HTTP/1.1 (and 1.0)."),
               false);
        return;
    }
    if (error) {
        if (isParseError(error))
            refuse(m_exchange, 400, QStringLiteral("bad_request"), QStringLiteral("The request could not be parsed."), false);
        return;
    }
    const auto &message = m_parser->get();
    if (std::distance(message.begin(), message.end()) > m_server.limits.headFields) {
        refuse(m_exchange, 431, QStringLiteral("bad_request"), QStringLiteral("The request line or headers are too large."), false);
        return;
    }
    // Bodies are never decoded: a small compressed body must not become a large one here.
    const auto transferEncoding = message.find(http::field::transfer_encoding);
    if (message.find(http::field::content_encoding) != message.end()
        || (transferEncoding != message.end() && !beast::iequals(transferEncoding->value(), "chunked"))) {
        refuse(m_exchange,
               415,
               QStringLiteral("unsupported_encoding"),
               QStringLiteral("Request bodies are sent without Content-Encoding."),
               false);
        return;
    }
    m_headFields = std::distance(message.begin(), message.end());
    if (m_parser->is_done()) {
        dispatch();
        return;
    }
    const auto expect = message.find(http::field::expect);
    if (expect == message.end() || !beast::iequals(expect->value(), "100-continue")) {
        readBody();
        return;
    }
    auto proceed = std::make_shared<http::response<http::empty_body>>(http::status::continue_, message.version());
    expiresAfter(m_server.limits.writeTimeout);
    http::async_write(m_stream, *proceed, [self = shared_from_this(), proceed](beast::error_code written, std::size_t) {
        if (!written)
            self->readBody();
    });
}

void HttpConnection::readBody()
{
    const auto length = m_parser->content_length();
    expiresAfter(bodyTimeout(m_server.limits, length.value_or(m_server.limits.bodyBytes)));
    http::async_read(m_stream, m_buffer, *m_parser, [self = shared_from_this()](beast::error_code error, std::size_t) {
        self->onBody(error);
    });
}

void HttpConnection::onBody(beast::error_code error)
{
    if (error == http::error::body_limit) {
        refuse(m_exchange, 413, QStringLiteral("payload_too_large"), QStringLiteral("The request body is too large."), false);
        return;
    }
    if (error) {
        // buffer_overflow too: a chunk line or a trailer longer than the read buffer holds.
        if (isParseError(error))
            refuse(m_exchange, 400, QStringLiteral("bad_request"), QStringLiteral("The request could not be parsed."), false);
        return;
    }
    // A chunked body's trailer would add fields after the head was checked (an Authorization
    // that no limit counted): none are accepted.
    const auto &message = m_parser->get();
    if (std::distance(message.begin(), message.end()) != m_headFields) {
        refuse(m_exchange, 400, QStringLiteral("bad_request"), QStringLiteral("Trailer fields are not accepted."), false);
        return;
    }
    dispatch();
}

void HttpConnection::dispatch()
{
    auto &message = m_parser->get();
    auto request = std::make_shared<Request>();
    request->exchange = m_exchange;
    request->version = message.version();
    request->keepAlive = message.keep_alive();
    request->head = message.method() == http::verb::head;
    m_exchange->requestId = crypto::newRequestId();

    HttpRequest &out = request->request;
    const std::string_view target(message.target().data(), message.target().size());
    out.method = QString::fromLatin1(message.method_string().data(), qsizetype(message.method_string().size()));
    out.path = decodedPath(target);
    out.queryItems = targetQueryItems(target);
    for (const auto &item : std::as_const(out.queryItems))
        out.query.insert(item.first, item.second);
    out.body = QByteArray(message.body().data(), qsizetype(message.body().size()));
    for (const auto &field : message) {
        out.headers.append({QByteArray(field.name_string().data(), qsizetype(field.name_string().size())),
                            QByteArray(field.value().data(), qsizetype(field.value().size()))});
    }
    out.origin.certificateFingerprint = m_fingerprint;
    out.origin.address = m_exchange->address;
    out.origin.requestId = QString::fromLatin1(m_exchange->requestId);
    const bool reads = message.method() == http::verb::get || message.method() == http::verb::head;
    m_parser.reset(); // message is gone from here on

    WorkerPool &pool = reads ? m_server.readers : m_server.writers;
    if (!pool.trySubmit([self = shared_from_this(), request] { self->serve(request); })) {
        refuse(request->exchange,
               503,
               QStringLiteral("overloaded"),
               QStringLiteral("The gateway is busy. Try again in a moment."),
               request->keepAlive,
               QByteArrayLiteral("1"));
    }
}

void HttpConnection::refuse(const std::shared_ptr<Exchange> &exchange, int status, const QString &code,
                            const QString &text, bool keepAlive, const QByteArray &retryAfter)
{
    if (exchange->requestId.isEmpty())
        exchange->requestId = crypto::newRequestId();
    HttpResponse response;
    response.requestId = exchange->requestId;
    response.sendError(status, code, text);
    if (!retryAfter.isEmpty())
        response.setHeader(QByteArrayLiteral("Retry-After"), retryAfter);
    exchange->status = status;
    auto message = makeMessage(response, 11, keepAlive, exchange->method == "HEAD");
    expiresAfter(m_server.limits.writeTimeout);
    http::async_write(m_stream, *message, [self = shared_from_this(), message, exchange, keepAlive](beast::error_code error, std::size_t) {
        if (error) {
            logExchange(*exchange);
            return;
        }
        self->finish(exchange, keepAlive);
    });
}

void HttpConnection::finish(const std::shared_ptr<Exchange> &exchange, bool keepAlive)
{
    logExchange(*exchange);
    if (keepAlive && !m_server.draining)
        waitForRequest();
    else
        shutdown();
}

void HttpConnection::shutdown()
{
    expiresAfter(ShutdownTimeout);
    m_stream.async_shutdown([self = shared_from_this()](beast::error_code) {});
}

void HttpConnection::serve(const std::shared_ptr<Request> &request)
{
    Exchange &exchange = *request->exchange;
    HttpResponse response;
    response.requestId = exchange.requestId;
    // A stopping gateway answers what it has begun, and says so.
    bool keepAlive = request->keepAlive && !m_server.draining;
    clearRequestUser();
    // The handshake checked the certificate once; a connection may outlive its certificate's
    // expiry or revocation, so every request asks again.
    if (std::time(nullptr) >= m_notAfter) {
        response.sendError(401, QStringLiteral("certificate_expired"), QStringLiteral("The client certificate has expired."));
        keepAlive = false;
    } else if (const auto verdict = m_server.check ? m_server.check(m_fingerprint) : HttpServer::CertificateVerdict::Refused;
               verdict == HttpServer::CertificateVerdict::Refused) {
        response.sendError(401, QStringLiteral("certificate_revoked"), QStringLiteral("The client certificate is no longer accepted."));
        keepAlive = false;
    } else if (verdict == HttpServer::CertificateVerdict::Unavailable) {
        // The database is away: the gateway's trouble, not the certificate's. Nothing ran.
        response.sendError(503, QStringLiteral("database_unavailable"), QStringLiteral("The gateway cannot reach its database; try again shortly."));
        response.setHeader(QByteArrayLiteral("Retry-After"), QByteArrayLiteral("1"));
    } else {
        const RouteMatch match = m_server.route(exchange.method, request->request.path);
        if (!match.knownMethod) {
            response.sendError(400, QStringLiteral("bad_request"), QStringLiteral("The request could not be parsed."));
        } else if (!match.handler) {
            response.sendError(404, QStringLiteral("not_found"), QStringLiteral("No such resource."));
        } else {
            request->request.pathArguments = match.arguments;
            resetStorageFailure();
            QString failure;
            try {
                (*match.handler)(request->request, response);
            } catch (const std::exception &e) {
                failure = QString::fromLocal8Bit(e.what());
            } catch (...) {
                failure = QStringLiteral("unknown exception");
            }
            if (!failure.isNull()) {
                qCCritical(lcGatewayHttp).noquote() << "handler of" << loggedPath(exchange.target) << "threw:" << escapedText(failure);
                response = HttpResponse();
                response.requestId = exchange.requestId;
                response.sendError(ApiError::internal());
            }
            if (response.status == 500 && storageFailureSeen()) {
                // Say what the trouble is: the gateway cannot write (a full or failing disk).
                // What the request was to do was not committed; its key, if any, was released
                // or is taken over after 5 minutes.
                response = HttpResponse();
                response.requestId = exchange.requestId;
                response.sendError(503, QStringLiteral("storage_unavailable"),
                                   QStringLiteral("The gateway cannot write to its storage (full or failing); try again later, "
                                                  "or quote the request id to support."));
                response.setHeader(QByteArrayLiteral("Retry-After"), QByteArrayLiteral("60"));
            }
        }
    }
    exchange.loginId = requestUser();
    exchange.status = response.status;

    if (response.stream && !request->head) {
        streamBody(request, response);
        return;
    }
    if (response.stream && response.stream->finished)
        response.stream->finished(false);
    std::shared_ptr<Message> message;
    try {
        message = makeMessage(response, request->version, keepAlive, request->head);
    } catch (const std::exception &e) {
        // Beast refuses what HTTP forbids (a body on a 204, a status past 999).
        qCCritical(lcGatewayHttp).noquote() << "answer of" << loggedPath(exchange.target) << "cannot be sent:" << escapedText(QString::fromLocal8Bit(e.what()));
        HttpResponse internal;
        internal.requestId = exchange.requestId;
        internal.sendError(ApiError::internal());
        exchange.status = internal.status;
        message = makeMessage(internal, request->version, keepAlive, request->head);
    }
    auto exchangePointer = request->exchange;
    net::post(m_stream.get_executor(), [self = shared_from_this(), message, exchangePointer, keepAlive] {
        self->expiresAfter(self->m_server.limits.writeTimeout);
        http::async_write(self->m_stream, *message, [self, message, exchangePointer, keepAlive](beast::error_code error, std::size_t) {
            if (error) {
                logExchange(*exchangePointer);
                return;
            }
            self->finish(exchangePointer, keepAlive);
        });
    });
}

std::future<beast::error_code> HttpConnection::onStrand(std::function<void(Done)> op)
{
    auto promise = std::make_shared<std::promise<beast::error_code>>();
    auto future = promise->get_future();
    net::post(m_stream.get_executor(), [op = std::move(op), promise] {
        op([promise](beast::error_code error) { promise->set_value(error); });
    });
    return future;
}

bool HttpConnection::await(std::future<beast::error_code> &pending)
{
    // The I/O threads may stop (the gateway shuts down) with this write still queued: then it
    // never completes, and the worker must not wait for it.
    while (pending.wait_for(std::chrono::milliseconds(100)) != std::future_status::ready) {
        if (m_server.stopping)
            return false;
    }
    try {
        return !pending.get();
    } catch (const std::future_error &) {
        return false;
    }
}

// A streamed body is written in chunks from the worker that runs it: each part goes to the strand
// to be written while the worker produces the next one (at most one write in flight), so reading
// the database and sending overlap. A body that fails ends without its last chunk, and the
// connection is closed: a cut-off answer never looks complete.
void HttpConnection::streamBody(const std::shared_ptr<Request> &request, HttpResponse &response)
{
    auto self = shared_from_this();
    const std::shared_ptr<StreamedBody> body = response.stream;
    const std::chrono::milliseconds writeTimeout = m_server.limits.writeTimeout;

    auto head = std::make_shared<http::response<http::empty_body>>();
    setHeaders(*head, response, request->version, request->keepAlive && !m_server.draining);
    head->chunked(true);
    auto serializer = std::make_shared<http::response_serializer<http::empty_body>>(*head);
    auto headWritten = onStrand([self, head, serializer, writeTimeout](Done done) {
        self->expiresAfter(writeTimeout);
        http::async_write_header(self->m_stream, *serializer, [done, head, serializer](beast::error_code error, std::size_t) {
            done(error);
        });
    });

    bool complete = false;
    if (await(headWritten)) {
        std::optional<std::future<beast::error_code>> inFlight;
        bool failed = false;
        const StreamedBody::Write write = [&](QByteArrayView bytes) {
            if (failed)
                return false;
            // An empty chunk would be the last chunk: there is nothing to send.
            if (bytes.isEmpty())
                return true;
            if (inFlight && !await(*inFlight)) {
                inFlight.reset();
                failed = true;
                return false;
            }
            auto data = std::make_shared<std::string>(bytes.data(), size_t(bytes.size()));
            inFlight = onStrand([self, data, writeTimeout](Done done) {
                self->expiresAfter(writeTimeout);
                net::async_write(self->m_stream, http::make_chunk(net::buffer(*data)), [done, data](beast::error_code error, std::size_t) {
                    done(error);
                });
            });
            return true;
        };
        StreamedBody::Step step = StreamedBody::Step::More;
        while (step == StreamedBody::Step::More && !failed) {
            step = StreamedBody::Step::Failed;
            try {
                step = body->next ? body->next(write) : StreamedBody::Step::Complete;
            } catch (const std::exception &e) {
                qCCritical(lcGatewayHttp).noquote() << "streamed body threw:" << escapedText(QString::fromLocal8Bit(e.what()));
            } catch (...) {
                qCCritical(lcGatewayHttp).noquote() << "streamed body threw";
            }
        }
        if (inFlight && !await(*inFlight))
            failed = true;
        if (step == StreamedBody::Step::Complete && !failed) {
            auto last = onStrand([self, writeTimeout](Done done) {
                self->expiresAfter(writeTimeout);
                net::async_write(self->m_stream, http::make_chunk_last(), [done](beast::error_code error, std::size_t) { done(error); });
            });
            complete = await(last);
        }
    }
    if (body->finished) {
        try {
            body->finished(complete);
        } catch (...) {
            qCCritical(lcGatewayHttp).noquote() << "the end of a streamed body threw";
        }
    }
    auto exchange = request->exchange;
    const bool keepAlive = request->keepAlive;
    net::post(m_stream.get_executor(), [self, exchange, complete, keepAlive] {
        if (complete) {
            self->finish(exchange, keepAlive);
            return;
        }
        logExchange(*exchange);
        beast::error_code ignored;
        beast::get_lowest_layer(self->m_stream).socket().close(ignored);
    });
}

} // namespace kessai::gateway
