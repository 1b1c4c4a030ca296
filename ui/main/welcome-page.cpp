#include "ui/main/welcome-page.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

#include "ui/main/recent-projects.h"

namespace srllm::ui {

WelcomePage::WelcomePage(QWidget* parent) : QWidget(parent), m_recent(new QListWidget(this)) {
    auto* title = new QLabel(QStringLiteral("<h1>%1</h1>").arg(tr("SR-LLM Workbench")), this);
    auto* intro = new QLabel(tr("Label texts for bias, toxicity and harm, mark biased words and write benign "
                                "rewrites. Everything stays in one project file on this computer."), this);
    intro->setWordWrap(true);
    auto* create = new QPushButton(tr("New project…"), this);
    auto* open = new QPushButton(tr("Open project…"), this);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(create);
    buttons->addWidget(open);
    buttons->addStretch(1);
    auto* column = new QVBoxLayout;
    column->addWidget(title);
    column->addWidget(intro);
    column->addSpacing(12);
    column->addLayout(buttons);
    column->addSpacing(12);
    column->addWidget(new QLabel(QStringLiteral("<b>%1</b>").arg(tr("Recent projects")), this));
    column->addWidget(m_recent);
    column->addStretch(1);
    m_recent->setMaximumHeight(240);
    column->setContentsMargins(0, 40, 0, 0);
    auto* outer = new QHBoxLayout(this);
    outer->addStretch(1);
    outer->addLayout(column, 3);
    outer->addStretch(1);
    connect(create, &QPushButton::clicked, this, &WelcomePage::newRequested);
    connect(open, &QPushButton::clicked, this, &WelcomePage::openRequested);
    connect(m_recent, &QListWidget::itemActivated, this,
            [this](QListWidgetItem* item) { emit recentChosen(item->data(Qt::UserRole).toString()); });
    refresh();
}

void WelcomePage::refresh() {
    m_recent->clear();
    for (const QString& path : recentProjects()) {
        auto* item = new QListWidgetItem(path, m_recent);
        item->setData(Qt::UserRole, path);
    }
    if (m_recent->count() == 0) {
        auto* none = new QListWidgetItem(tr("No recent projects. Create one, or open a .srllm file."), m_recent);
        none->setFlags(Qt::NoItemFlags);
    }
}

}  // namespace srllm::ui
