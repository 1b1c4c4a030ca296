// ui/browser/item-table-model: paging over a 10,000-item project returns the rows SQL returns at random
// offsets, the row cache stays bounded, and filter counts match direct SQL written independently
// (LIKE instead of FTS5, plain joins instead of db/item-browse-query). The ids load on a worker
// connection: the first page shows before the rest, and a reload keeps the selected item (#11 item 7).
#include <random>

#include <QItemSelectionModel>
#include <QTemporaryDir>
#include <QtTest>

#include "db/annotators.h"
#include "db/database.h"
#include "db/project.h"
#include "ui/browser/item-table-model.h"
#include "ui/item-roles.h"
#include "ui/project-session.h"

using namespace srllm;

class TestItemTableModel : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void pagesReturnTheRightRowsAtRandomOffsets();
    void cacheStaysBounded();
    void filterCountsMatchDirectSql_data();
    void filterCountsMatchDirectSql();
    void firstPageArrivesBeforeTheRest();
    void reloadKeepsTheSelectedItem();
    void blindAnnotatorSeesNoGold();

private:
    int64_t sqlCount(const std::string& where);
    // Applies the filter and waits until every id is in.
    void load(ui::ItemTableModel& model, const db::BrowseFilter& filter);

    QTemporaryDir m_dir;
    std::unique_ptr<ui::ProjectSession> m_session;
};

void TestItemTableModel::load(ui::ItemTableModel& model, const db::BrowseFilter& filter) {
    QSignalSpy loaded(&model, &ui::ItemTableModel::loaded);
    model.setFilter(filter);
    QVERIFY(loaded.wait(20000));
    QVERIFY(!model.isLoading());
}

void TestItemTableModel::initTestCase() {
    auto project = db::Project::create(m_dir.filePath(QStringLiteral("p.srllm")).toStdString());
    auto& d = project->db();
    db::Transaction tx(d);
    d.exec("INSERT INTO datasets(name) VALUES ('a'), ('b')");
    d.exec("INSERT INTO annotators(name) VALUES ('x'), ('y')");
    // 10,000 items: ids 1..10104 less the 104 multiples of 97 (deleted below), so row != id - 1.
    d.exec("WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < 10104)"
           " INSERT INTO items(uid, dataset_id, text, text_hash, split)"
           " SELECT lower(hex(randomblob(16))), 1 + n % 2,"
           " printf('Text %d about %s and %s', n, CASE n % 7 WHEN 0 THEN 'nurses' ELSE 'pilots' END,"
           " CASE n % 5 WHEN 0 THEN 'farmers' ELSE 'cooks' END), randomblob(32), 'train' FROM c");
    d.exec("DELETE FROM items WHERE id % 97 = 0");
    d.exec("INSERT INTO annotations(item_id, annotator_id, taxonomy_version, labels, status)"
           " SELECT id, 1, 1, json_object('bias', CASE WHEN id % 3 = 0 THEN 'Yes' ELSE 'No' END,"
           " 'target_groups', json_array('Age')), CASE WHEN id % 4 = 0 THEN 'draft' ELSE 'done' END"
           " FROM items WHERE id <= 600");
    d.exec("INSERT INTO annotations(item_id, annotator_id, taxonomy_version, labels, status)"
           " SELECT id, 2, 1, json_object('bias', 'No', 'target_groups', json_array('Age')), 'done'"
           " FROM items WHERE id <= 300");
    d.exec("INSERT INTO gold(item_id, labels, provenance, taxonomy_version)"
           " SELECT id, '{\"bias\":\"Yes\"}', 'majority', 1 FROM items WHERE id <= 50");
    tx.commit();
    const int64_t lead = db::ensureAnnotator(d, "lead", "expert");
    m_session = std::make_unique<ui::ProjectSession>(std::move(project), lead);
}

int64_t TestItemTableModel::sqlCount(const std::string& where) {
    auto st = m_session->db().prepare("SELECT count(*) FROM items i WHERE " + where);
    st.step();
    return st.columnInt(0);
}

void TestItemTableModel::pagesReturnTheRightRowsAtRandomOffsets() {
    ui::ItemTableModel model(m_session.get());
    load(model, {});
    QCOMPARE(model.rowCount(), 10000);
    QCOMPARE(int64_t(model.rowCount()), sqlCount("1"));
    std::mt19937 rng(7);
    auto st = m_session->db().prepare(
        "SELECT id, text, (SELECT count(*) FROM annotations a WHERE a.item_id = items.id) FROM items"
        " ORDER BY id LIMIT 1 OFFSET ?1");
    for (int i = 0; i < 300; ++i) {
        const int row = int(rng() % uint32_t(model.rowCount()));
        st.reset();
        st.bind(1, int64_t(row));
        QVERIFY(st.step());
        const auto idx = [&](int column) { return model.index(row, column); };
        QCOMPARE(model.data(idx(ui::ItemTableModel::IdColumn)).toLongLong(), st.columnInt(0));
        QCOMPARE(model.data(idx(ui::ItemTableModel::TextColumn), ui::ItemIdRole).toLongLong(), st.columnInt(0));
        QCOMPARE(model.data(idx(ui::ItemTableModel::TextColumn)).toString(), QString::fromStdString(st.columnText(1)));
        QCOMPARE(model.data(idx(ui::ItemTableModel::AnnotationsColumn)).toLongLong(), st.columnInt(2));
        QCOMPARE(model.itemIdAt(row), st.columnInt(0));
        QCOMPARE(model.rowOfItem(st.columnInt(0)), row);
    }
    // The last row of the last (short) page: 10104 = 97 * 104 + 16 was not deleted.
    QCOMPARE(model.data(model.index(model.rowCount() - 1, 0)).toLongLong(), 10104);
}

void TestItemTableModel::cacheStaysBounded() {
    ui::ItemTableModel model(m_session.get());
    load(model, {});
    for (int row = 0; row < model.rowCount(); row += ui::ItemTableModel::kPageSize) model.data(model.index(row, 1));
    const int pages = (model.rowCount() + ui::ItemTableModel::kPageSize - 1) / ui::ItemTableModel::kPageSize;
    QCOMPARE(model.pagesFetched(), pages);  // one query per page, none per row
    model.data(model.index(model.rowCount() - 1, 2));
    QCOMPARE(model.pagesFetched(), pages);  // a cached page is not read again
    QVERIFY(model.cache().pagesCached() <= ui::ItemTableModel::kMaxCachedPages);

    ui::RowCache cache(4, 2);  // two pages of four rows
    cache.insertPage(0, std::vector<db::BrowseRow>(4, db::BrowseRow{1, 0, {}, {}, 0, {}, {}}));
    cache.insertPage(1, std::vector<db::BrowseRow>(4, db::BrowseRow{2, 0, {}, {}, 0, {}, {}}));
    QCOMPARE(cache.row(1)->id, int64_t(1));  // touches page 0, so page 1 is now the oldest
    cache.insertPage(2, std::vector<db::BrowseRow>(2, db::BrowseRow{3, 0, {}, {}, 0, {}, {}}));
    QCOMPARE(cache.pagesCached(), 2);
    QVERIFY(cache.hasPage(0));
    QVERIFY(!cache.hasPage(1));
    QCOMPARE(cache.row(9)->id, int64_t(3));
    QVERIFY(cache.row(10) == nullptr);  // beyond the short page
}

void TestItemTableModel::filterCountsMatchDirectSql_data() {
    QTest::addColumn<QString>("search");
    QTest::addColumn<int>("dataset");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("label");
    QTest::addColumn<int>("agreement");
    QTest::addColumn<QString>("where");
    const int any = int(db::BrowseStatus::Any);
    const int anyAgreement = int(db::BrowseAgreement::Any);
    // With two annotators, "disputed" is a pair of done annotations with different labels.
    const QString donePairs = "id IN (SELECT a.item_id FROM annotations a JOIN annotations b ON a.item_id = b.item_id"
                              " AND a.annotator_id < b.annotator_id WHERE a.status = 'done' AND b.status = 'done'"
                              " AND a.labels %1 b.labels)";
    QTest::newRow("search nurses") << "nurses" << 0 << any << "" << anyAgreement << "text LIKE '%nurses%'";
    QTest::newRow("search two words") << "nurses farmers" << 0 << any << "" << anyAgreement
                                      << "text LIKE '%nurses%' AND text LIKE '%farmers%'";
    QTest::newRow("prefix far*") << "far*" << 0 << any << "" << anyAgreement << "text LIKE '%farmers%'";
    QTest::newRow("search + dataset") << "nurses" << 2 << any << "" << anyAgreement << "text LIKE '%nurses%' AND dataset_id = 2";
    QTest::newRow("unannotated") << "" << 0 << int(db::BrowseStatus::Unannotated) << "" << anyAgreement
                                 << "id NOT IN (SELECT item_id FROM annotations)";
    QTest::newRow("in progress") << "" << 0 << int(db::BrowseStatus::InProgress) << "" << anyAgreement
                                 << "id IN (SELECT item_id FROM annotations WHERE status = 'draft')";
    QTest::newRow("done") << "" << 0 << int(db::BrowseStatus::Done) << "" << anyAgreement
                          << "id IN (SELECT item_id FROM annotations) AND id NOT IN"
                             " (SELECT item_id FROM annotations WHERE status = 'draft')";
    QTest::newRow("gold") << "" << 0 << int(db::BrowseStatus::Gold) << "" << anyAgreement << "id IN (SELECT item_id FROM gold)";
    QTest::newRow("label bias=Yes") << "" << 0 << any << "bias=Yes" << anyAgreement
                                    << "id IN (SELECT item_id FROM annotations WHERE labels LIKE '%\"bias\":\"Yes\"%')";
    QTest::newRow("multi label Age") << "" << 0 << any << "target_groups=Age" << anyAgreement
                                     << "id IN (SELECT item_id FROM annotations WHERE labels LIKE '%\"Age\"%')";
    QTest::newRow("disputed") << "" << 0 << any << "" << int(db::BrowseAgreement::Disputed) << donePairs.arg("<>");
    QTest::newRow("unanimous") << "" << 0 << any << "" << int(db::BrowseAgreement::Unanimous) << donePairs.arg("=");
}

void TestItemTableModel::filterCountsMatchDirectSql() {
    QFETCH(QString, search);
    QFETCH(int, dataset);
    QFETCH(int, status);
    QFETCH(QString, label);
    QFETCH(int, agreement);
    QFETCH(QString, where);
    db::BrowseFilter filter;
    filter.search = search.toStdString();
    if (dataset) filter.datasetId = dataset;
    filter.status = db::BrowseStatus(status);
    filter.agreement = db::BrowseAgreement(agreement);
    if (!label.isEmpty()) {
        filter.labelField = label.section('=', 0, 0).toStdString();
        filter.labelValue = label.section('=', 1).toStdString();
    }
    ui::ItemTableModel model(m_session.get());
    load(model, filter);
    const int64_t expected = sqlCount(where.toStdString());
    QVERIFY(expected > 0);
    QCOMPARE(int64_t(model.rowCount()), expected);
    QCOMPARE(db::countBrowseItems(m_session->db(), filter), expected);
    // Every row shown satisfies the independent condition.
    auto st = m_session->db().prepare("SELECT count(*) FROM items i WHERE id = ?1 AND " + where.toStdString());
    for (int row = 0; row < model.rowCount(); row += 37) {
        st.reset();
        st.bind(1, model.itemIdAt(row));
        st.step();
        QCOMPARE(st.columnInt(0), int64_t(1));
    }
}

void TestItemTableModel::firstPageArrivesBeforeTheRest() {
    ui::ItemTableModel model(m_session.get());
    QSignalSpy first(&model, &ui::ItemTableModel::firstPageReady);
    QSignalSpy loaded(&model, &ui::ItemTableModel::loaded);
    QList<int> rowsAtSignal;
    connect(&model, &ui::ItemTableModel::firstPageReady, this, [&] { rowsAtSignal << model.rowCount(); });
    connect(&model, &ui::ItemTableModel::loaded, this, [&] { rowsAtSignal << model.rowCount(); });
    model.setFilter({});
    QCOMPARE(model.rowCount(), 0);  // setFilter returns at once; the query runs on the worker connection
    QVERIFY(loaded.wait(20000));
    QCOMPARE(first.count(), 1);
    QCOMPARE(rowsAtSignal, (QList<int>{ui::ItemTableModel::kPageSize, 10000}));
    // Row 256 is the 257th item; ids 1..259 less 97 and 194 are 257 items, so it is 259.
    QCOMPARE(model.itemIdAt(ui::ItemTableModel::kPageSize), 259);
}

void TestItemTableModel::reloadKeepsTheSelectedItem() {
    ui::ItemTableModel model(m_session.get());
    load(model, {});
    QItemSelectionModel selection(&model);
    const int64_t item = model.itemIdAt(5000);
    selection.setCurrentIndex(model.index(5000, 1), QItemSelectionModel::SelectCurrent);
    // Another process deletes two earlier items: the selected item moves up two rows.
    {
        auto other = db::Project::open(m_session->projectPath().toStdString());
        other->db().exec("DELETE FROM items WHERE id IN (10, 20)");
    }
    QSignalSpy loaded(&model, &ui::ItemTableModel::loaded);
    model.reload();
    QCOMPARE(model.rowCount(), 10000);  // the old rows stay until the new ids are in
    QVERIFY(loaded.wait(20000));
    QCOMPARE(model.rowCount(), 9998);
    QCOMPARE(selection.currentIndex().row(), 4998);
    QCOMPARE(model.itemIdAt(selection.currentIndex().row()), item);
}

void TestItemTableModel::blindAnnotatorSeesNoGold() {
    auto project = db::Project::open(m_session->projectPath().toStdString());
    const int64_t x = db::annotatorByName(project->db(), "x")->id;
    ui::ProjectSession blind(std::move(project), x);
    ui::ItemTableModel model(&blind);
    load(model, {});
    QCOMPARE(model.data(model.index(0, ui::ItemTableModel::AnnotationsColumn)).toLongLong(), 2);  // counts stay
    QCOMPARE(model.data(model.index(0, ui::ItemTableModel::GoldColumn)).toString(), QString());
    ui::ItemTableModel full(m_session.get());
    load(full, {});
    QCOMPARE(full.data(full.index(0, ui::ItemTableModel::GoldColumn)).toString(), QStringLiteral("majority"));
    db::BrowseFilter gold;
    gold.labelField = "bias";
    gold.labelValue = "Yes";
    gold.labelSource = db::LabelSource::Gold;
    QSignalSpy failed(&model, &ui::ItemTableModel::loadFailed);
    model.setFilter(gold);
    QVERIFY(failed.wait(20000));
    QVERIFY(failed.first().first().toString().contains(QStringLiteral("is for experts")));
}

QTEST_MAIN(TestItemTableModel)

#include "test-item-table-model.moc"
