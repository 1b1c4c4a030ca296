#pragma once
// Expert adjudication: the items whose annotators disagree, and for the selected one their answers side by
// side, a gold form pre-filled with the majority, the rewrites to pick from (or edit), and Accept, which
// saves gold with provenance "expert" decided by the current annotator and moves to the next item. Items
// routed to this expert by disagreement say so. The mode is for experts: anyone else sees only a message
// (the store refuses them the data, db/access.h).
#include <cstdint>
#include <optional>
#include <vector>

#include <QWidget>
#include <nlohmann/json.hpp>

#include "db/adjudication.h"

class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;
class QTextBrowser;

namespace srllm::ui {

class LabelForm;
class ProjectSession;
class VoteComparisonTable;

class AdjudicateView : public QWidget {
    Q_OBJECT
public:
    explicit AdjudicateView(ProjectSession* session, QWidget* parent = nullptr);

    bool canDecide() const;  // the current annotator has the expert role
    int64_t currentItemId() const { return m_itemId; }
    const nlohmann::json& goldLabels() const { return m_goldLabels; }
    QTableWidget* itemList() const { return m_items; }
    VoteComparisonTable* votes() const { return m_votes; }
    LabelForm* goldForm() const { return m_form; }
    QListWidget* rewriteChoices() const { return m_rewrites; }
    QPlainTextEdit* rewriteEdit() const { return m_rewrite; }
    QPushButton* acceptButton() const { return m_accept; }

public slots:
    // Re-reads the disputed items, keeping the selection when the item is still listed.
    void reload();
    bool selectItem(qint64 itemId);
    // Saves the form as expert gold and selects the next item; false (with a message) when refused.
    bool accept();
    // Sets one gold label as if edited in the form (null clears it).
    void setGoldLabel(const QString& key, const nlohmann::json& value);

signals:
    void goldSaved(qint64 itemId);

protected:
    void showEvent(QShowEvent* event) override;

private:
    void reloadWhenVisible();  // other views' writes: re-read now if shown, else on the next show
    void showItem(int row);
    void setMessage(const QString& text, bool error);

    ProjectSession* m_session;
    int64_t m_itemId = 0;
    bool m_stale = false;
    nlohmann::json m_goldLabels = nlohmann::json::object();
    std::vector<core::Span> m_goldSpans;
    std::vector<db::DisagreementRow> m_rows;
    QLabel* m_message;
    QTableWidget* m_items;
    QTextBrowser* m_text;
    VoteComparisonTable* m_votes;
    LabelForm* m_form;
    QListWidget* m_rewrites;
    QPlainTextEdit* m_rewrite;
    QPushButton* m_accept;
    QWidget* m_content = nullptr;  // everything but the message; hidden for non-experts
};

}  // namespace srllm::ui
