#include "ui/main/app-language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

namespace srllm::ui {

namespace {
const char* const kSettingsKey = "ui/language";
}

QList<LanguageChoice> availableLanguages() {
    return {{QStringLiteral("en"), QStringLiteral("English")}, {QStringLiteral("zh_CN"), QStringLiteral("简体中文")}};
}

QString storedLanguage() {
    const QString stored = QSettings().value(kSettingsKey).toString();
    for (const LanguageChoice& choice : availableLanguages())
        if (choice.code == stored) return stored;
    return QLocale::system().language() == QLocale::Chinese ? QStringLiteral("zh_CN") : QStringLiteral("en");
}

void setStoredLanguage(const QString& code) { QSettings().setValue(kSettingsKey, code); }

void installTranslators(QCoreApplication& app) {
    const QString code = storedLanguage();
    auto* ours = new QTranslator(&app);
    if (ours->load(QStringLiteral(":/i18n/srllm_%1.qm").arg(code))) QCoreApplication::installTranslator(ours);
    // Qt's own strings (standard buttons, file dialogs); absent on systems without qt6-translations-l10n.
    auto* qt = new QTranslator(&app);
    if (qt->load(QLocale(code), QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
}

}  // namespace srllm::ui
