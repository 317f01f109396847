#include "page.h"

namespace kessai {

Page::Page(QWidget *parent)
    : QWidget(parent)
{
}

Page::~Page() = default;

void Page::pageShown(bool firstTime)
{
    if (firstTime)
        focusNextChild();
}

} // namespace kessai
