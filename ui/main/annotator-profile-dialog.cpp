#include "ui/main/annotator-profile-dialog.h"

#include <algorithm>

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QVBoxLayout>

#include "db/annotators.h"
#include "db/database.h"

namespace srllm::ui {

namespace {
const QStringList kRoles = {QStringLiteral("annotator"), QStringLiteral("expert"), QStringLiteral("reviewer")};
constexpr int kNameRole = Qt::UserRole + 1;  // combo-box-local: the annotator's plain name
constexpr int kRoleRole = Qt::UserRole + 2;  // and their stored role

QString roleHint(const QString& role) {
    if (role == QLatin1String("expert"))
        return AnnotatorProfileDialog::tr("Leads the team: imports, assigns items, routes disagreements, adjudicates "
                                          "and exports.");
    if (role == QLatin1String("reviewer")) return AnnotatorProfileDialog::tr("Compares model outputs blind in the Review mode.");
    return AnnotatorProfileDialog::tr("Labels the items in their queue and sees only their own labels until an item "
                                      "is decided.");
}
}  // namespace

QString roleDisplayName(const QString& role) {
    if (role == QLatin1String("expert")) return AnnotatorProfileDialog::tr("expert");
    if (role == QLatin1String("reviewer")) return AnnotatorProfileDialog::tr("reviewer");
    return AnnotatorProfileDialog::tr("annotator");
}

AnnotatorProfileDialog::AnnotatorProfileDialog(db::Database& db, const QString& projectName, QWidget* parent)
    : QDialog(parent), m_db(db), m_useExisting(new QRadioButton(tr("I am"), this)),
      m_createNew(new QRadioButton(tr("New annotator"), this)), m_existing(new QComboBox(this)),
      m_name(new QLineEdit(this)), m_role(new QComboBox(this)), m_roleHint(new QLabel(this)), m_error(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this)) {
    setWindowTitle(tr("Who is annotating?"));
    const QSettings settings;
    const QString lastName = settings.value("annotator/name").toString();
    for (const db::AnnotatorRow& row : db::listAnnotators(db)) {
        const QString name = QString::fromStdString(row.name);
        m_existing->addItem(tr("%1 (%2)").arg(name, roleDisplayName(QString::fromStdString(row.role))),
                            QVariant::fromValue<qint64>(row.id));
        m_existing->setItemData(m_existing->count() - 1, name, kNameRole);
        m_existing->setItemData(m_existing->count() - 1, QString::fromStdString(row.role), kRoleRole);
        if (name == lastName) m_existing->setCurrentIndex(m_existing->count() - 1);
    }
    for (const QString& role : kRoles) m_role->addItem(roleDisplayName(role), role);
    // A project nobody has joined yet was just made by its lead, who needs the expert's tools to set it up.
    m_newRole = m_existing->count() == 0 ? QStringLiteral("expert") : settings.value("annotator/role").toString();
    m_role->setCurrentIndex(std::max<int>(0, kRoles.indexOf(m_newRole)));
    m_roleHint->setWordWrap(true);
    m_roleHint->setStyleSheet(QStringLiteral("color: palette(mid);"));
    m_name->setPlaceholderText(tr("Your name or pseudonym"));
    if (m_existing->count() == 0) m_name->setText(lastName);
    m_error->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_error->hide();

    auto* intro = new QLabel(tr("Project <b>%1</b>. Your labels are stored under this name; other annotators' "
                                "labels stay hidden while you annotate.").arg(projectName.toHtmlEscaped()), this);
    intro->setWordWrap(true);
    auto* form = new QFormLayout;
    form->addRow(m_useExisting, m_existing);
    form->addRow(m_createNew, m_name);
    form->addRow(tr("Role"), m_role);
    form->addRow(QString(), m_roleHint);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);
    setMinimumWidth(460);

    const bool haveExisting = m_existing->count() > 0;
    m_useExisting->setEnabled(haveExisting);
    (haveExisting ? m_useExisting : m_createNew)->setChecked(true);
    connect(m_useExisting, &QRadioButton::toggled, this, &AnnotatorProfileDialog::updateState);
    connect(m_existing, &QComboBox::currentIndexChanged, this, &AnnotatorProfileDialog::updateState);
    connect(m_name, &QLineEdit::textChanged, this, &AnnotatorProfileDialog::updateState);
    connect(m_role, &QComboBox::currentIndexChanged, this, [this] {
        if (m_createNew->isChecked()) m_newRole = m_role->currentData().toString();
        m_roleHint->setText(roleHint(m_role->currentData().toString()));
    });
    connect(m_name, &QLineEdit::textEdited, this, [this] { m_createNew->setChecked(true); });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &AnnotatorProfileDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &AnnotatorProfileDialog::reject);
    updateState();
    m_roleHint->setText(roleHint(m_role->currentData().toString()));
    (haveExisting ? static_cast<QWidget*>(m_existing) : m_name)->setFocus();
}

void AnnotatorProfileDialog::updateState() {
    const bool existing = m_useExisting->isChecked();
    m_existing->setEnabled(existing);
    // An existing annotator keeps their role; a new one gets the default or what was picked for them, never
    // the role of whoever the box showed before.
    const QString role = existing ? m_existing->currentData(kRoleRole).toString() : m_newRole;
    m_role->setCurrentIndex(std::max<int>(0, kRoles.indexOf(role)));
    m_role->setEnabled(!existing);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(existing || !m_name->text().trimmed().isEmpty());
}

void AnnotatorProfileDialog::accept() {
    QSettings settings;
    try {
        if (m_useExisting->isChecked()) {
            m_annotatorId = m_existing->currentData().value<qint64>();
            settings.setValue("annotator/name", m_existing->currentData(kNameRole));
        } else {
            const QString name = m_name->text().trimmed();
            if (db::annotatorByName(m_db, name.toStdString())) {
                m_error->setText(tr("'%1' already exists: choose it under \"I am\" instead.").arg(name));
                m_error->show();
                return;
            }
            const QString role = m_role->currentData().toString();
            m_annotatorId = db::ensureAnnotator(m_db, name.toStdString(), role.toStdString());
            settings.setValue("annotator/name", name);
            settings.setValue("annotator/role", role);
        }
    } catch (const std::exception& e) {
        m_error->setText(QString::fromStdString(e.what()));
        m_error->show();
        return;
    }
    QDialog::accept();
}

}  // namespace srllm::ui
