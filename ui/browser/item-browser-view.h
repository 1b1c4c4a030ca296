#pragma once
// The item browser: every item of the project in a lazily paged table, with a full-text search box and
// filters by dataset, label (field = value, in annotations or gold), annotator, status and agreement.
// Searches and filters run on a worker connection (ItemTableModel); the table shows the first page while
// the rest load. A blind annotator gets only what the store answers them: their own labels, no gold, no
// agreement; counts stay. Double-clicking an item emits itemActivated so the main window can open it.
#include <QElapsedTimer>
#include <QWidget>

class QComboBox;
class QLabel;
class QLayout;
class QLineEdit;
class QTableView;
class QTimer;

namespace srllm::ui {

class ItemTableModel;
class ProjectSession;

class ItemBrowserView : public QWidget {
    Q_OBJECT
public:
    explicit ItemBrowserView(ProjectSession* session, QWidget* parent = nullptr);

    ItemTableModel* model() const { return m_model; }
    QTableView* table() const { return m_table; }
    QLineEdit* searchBox() const { return m_search; }

public slots:
    // Re-reads datasets, annotators and taxonomy values into the filter boxes, then the items.
    void reloadFilters();
    // Applies the current filter boxes now (typing in the search box applies them after a short pause).
    void applyFilter();

signals:
    void itemActivated(qint64 itemId);

private:
    QComboBox* addFilterBox(const QString& label, QLayout* layout);
    void fillLabelBox();
    void updateSummary();

    ProjectSession* m_session;
    ItemTableModel* m_model;
    QLineEdit* m_search;
    QComboBox* m_dataset;
    QComboBox* m_label;
    QComboBox* m_labelSource;
    QComboBox* m_annotator;
    QComboBox* m_status;
    QComboBox* m_agreement;
    QTableView* m_table;
    QLabel* m_summary;
    QTimer* m_searchDelay;
    QElapsedTimer m_clock;  // since the filter was applied, for the summary line
};

}  // namespace srllm::ui
