#include "ui/team/routing-dialog.h"

#include <algorithm>

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

#include "db/routing.h"
#include "ui/project-session.h"

namespace srllm::ui {

RoutingDialog::RoutingDialog(ProjectSession* session, QWidget* parent)
    : QDialog(parent), m_session(session), m_enabled(new QCheckBox(tr("Route items whose annotators disagree"), this)),
      m_threshold(new QDoubleSpinBox(this)), m_target(new QComboBox(this)), m_fields(new QListWidget(this)),
      m_result(new QLabel(this)) {
    setWindowTitle(tr("Disagreement routing"));
    const db::RoutingPolicy policy = db::routingPolicy(session->db());
    m_enabled->setChecked(policy.enabled);
    m_threshold->setRange(0.05, 1.0);
    m_threshold->setSingleStep(0.05);
    m_threshold->setDecimals(2);
    m_threshold->setValue(policy.threshold);
    m_threshold->setToolTip(tr("An item is routed when, on a field, fewer than this share of its annotators agree "
                               "(1.00: any disagreement; 0.60: two of three agreeing is enough)"));
    m_target->addItem(tr("one more annotator, then an expert"), QStringLiteral("annotator"));
    m_target->addItem(tr("an expert"), QStringLiteral("expert"));
    m_target->setCurrentIndex(policy.target == "expert" ? 1 : 0);
    for (const auto& field : session->taxonomy().value("fields", nlohmann::json::array())) {
        const std::string key = field.value("key", "");
        auto* item = new QListWidgetItem(QString::fromStdString(field.value("label", key)), m_fields);
        item->setData(Qt::UserRole, QString::fromStdString(key));
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        const bool counted = policy.fields.empty() ||
                             std::find(policy.fields.begin(), policy.fields.end(), key) != policy.fields.end();
        item->setCheckState(counted ? Qt::Checked : Qt::Unchecked);
    }
    m_result->setWordWrap(true);
    auto* form = new QFormLayout;
    form->addRow(m_enabled);
    form->addRow(tr("Route when agreement is below:"), m_threshold);
    form->addRow(tr("Route to:"), m_target);
    form->addRow(tr("Fields that count:"), m_fields);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Close, this);
    connect(buttons->button(QDialogButtonBox::Save), &QPushButton::clicked, this, &RoutingDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::accept);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_result);
    layout->addWidget(buttons);
}

bool RoutingDialog::save() {
    db::RoutingPolicy policy;
    policy.enabled = m_enabled->isChecked();
    policy.threshold = m_threshold->value();
    policy.target = m_target->currentData().toString().toStdString();
    bool all = true;
    for (int i = 0; i < m_fields->count(); ++i) {
        if (m_fields->item(i)->checkState() == Qt::Checked)
            policy.fields.push_back(m_fields->item(i)->data(Qt::UserRole).toString().toStdString());
        else
            all = false;
    }
    if (all) policy.fields.clear();  // every field, also those a later taxonomy version adds
    try {
        db::setRoutingPolicy(m_session->db(), policy);
        const auto routed = db::routeDisagreements(m_session->db());
        m_result->setText(policy.enabled ? tr("Saved; %n item(s) routed now.", nullptr, int(routed.size()))
                                         : tr("Saved; routing is off."));
    } catch (const std::exception& e) {
        m_result->setText(QString::fromUtf8(e.what()));
        return false;
    }
    m_session->notifyQueuesChanged();
    return true;
}

}  // namespace srllm::ui
