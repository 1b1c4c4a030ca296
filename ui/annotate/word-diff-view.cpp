#include "ui/annotate/word-diff-view.h"

#include "core/text/word-diff.h"

namespace srllm::ui {

namespace {
bool isWord(const std::string& text) {
    return !QString::fromStdString(text).trimmed().isEmpty();
}
}  // namespace

WordDiffView::WordDiffView(QWidget* parent) : QTextBrowser(parent) {
    setOpenLinks(false);
    setFocusPolicy(Qt::NoFocus);
}

void WordDiffView::showDiff(const QString& original, const QString& rewrite) {
    m_inserted = 0;
    m_deleted = 0;
    QString html;
    for (const core::DiffSegment& segment : core::wordDiff(original.toStdString(), rewrite.toStdString())) {
        const QString text = QString::fromStdString(segment.text).toHtmlEscaped().replace('\n', "<br>");
        switch (segment.op) {
        case core::DiffOp::Equal:
            html += text;
            break;
        case core::DiffOp::Delete:
            m_deleted += isWord(segment.text);
            html += QStringLiteral("<span style=\"background:#fde2e1;color:#a11;text-decoration:line-through\">%1</span>").arg(text);
            break;
        case core::DiffOp::Insert:
            m_inserted += isWord(segment.text);
            html += QStringLiteral("<span style=\"background:#dcf5dc;color:#161;text-decoration:underline\">%1</span>").arg(text);
            break;
        }
    }
    setHtml(QStringLiteral("<div style=\"white-space:pre-wrap\">%1</div>").arg(html));
}

}  // namespace srllm::ui
