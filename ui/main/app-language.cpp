#include "ui/main/app-language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

namespace srllm::ui {

namespace {
const char* const kSettingsKey = "ui/language";
constexpr QLatin1StringView kNamespace("srllm::ui::");

// lupdate 6.4's parser does not understand `namespace srllm::ui {`, so the .ts files name contexts
// "MainWindow" while tr() asks for "srllm::ui::MainWindow"; this translator looks up the short name.
class UiTranslator : public QTranslator {
public:
    using QTranslator::QTranslator;
    QString translate(const char* context, const char* source, const char* disambiguation, int n) const override {
        QLatin1StringView name(context ? context : "");
        if (name.startsWith(kNamespace)) name = name.sliced(kNamespace.size());
        return QTranslator::translate(QByteArray(name.data(), name.size()).constData(), source, disambiguation, n);
    }
};
}  // namespace

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
    auto* ours = new UiTranslator(&app);
    if (ours->load(QStringLiteral(":/i18n/srllm_%1.qm").arg(code))) QCoreApplication::installTranslator(ours);
    // Qt's own strings (standard buttons, file dialogs); absent on systems without qt6-translations-l10n.
    auto* qt = new QTranslator(&app);
    if (qt->load(QLocale(code), QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
}

}  // namespace srllm::ui
