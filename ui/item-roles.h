#pragma once
// Custom Qt item data roles used by every model in ui/, defined once so two models never reuse a number
// for different data (Zeal's itemdatarole.h). Add new roles at the end.
#include <Qt>

namespace srllm::ui {

enum ItemDataRole {
    ItemIdRole = Qt::UserRole + 1,  // qint64 items.id
    ItemUidRole,                    // QString items.uid
    ItemTextRole,                   // QString full item text (DisplayRole may be elided)
    AnnotationStatusRole,           // QString "todo" | "draft" | "done"
    AnnotatorIdRole,                // qint64 annotators.id
    FieldKeyRole,                   // QString taxonomy field key
    FieldValueRole,                 // QString one value of a taxonomy field
    GoldProvenanceRole,             // QString "unanimous" | "majority" | "expert" | "import" (empty: no gold)
    AgreementRole,                  // double per-item agreement in [0, 1]
    SortRole,                       // QVariant used by QSortFilterProxyModel instead of DisplayRole
    DatasetIdRole,                  // qint64 datasets.id
    SpanStartRole,                  // qint64 code-point offset, inclusive
    SpanEndRole,                    // qint64 code-point offset, exclusive
    QueueReasonRole,                // QString why an item is in the queue ("" for a plain assignment)
};

}  // namespace srllm::ui
