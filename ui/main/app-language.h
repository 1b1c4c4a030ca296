#pragma once
// The interface language: English or Simplified Chinese, stored in QSettings ("ui/language") and
// applied at start-up from the translations compiled into the binary (:/i18n/srllm_<code>.qm).
// Refresh the .ts files after changing UI text: lupdate ui app/gui -locations none -no-obsolete
// -ts translations/srllm_zh_CN.ts (and -pluralonly for srllm_en.ts), then translate in Linguist.
#include <QList>
#include <QString>

class QCoreApplication;

namespace srllm::ui {

struct LanguageChoice {
    QString code;    // "en", "zh_CN"
    QString native;  // the language's own name, shown untranslated so anyone can find theirs
};

QList<LanguageChoice> availableLanguages();
// The stored choice; without one, Chinese for a Chinese system locale, otherwise English.
QString storedLanguage();
void setStoredLanguage(const QString& code);
// Installs the workbench's and Qt's own translators for storedLanguage(); call once after QApplication.
void installTranslators(QCoreApplication& app);

}  // namespace srllm::ui
