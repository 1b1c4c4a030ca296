#pragma once
// One field of the label form, built from a taxonomy field object (key, label, type, values). The form
// owns keyboard focus; a field only shows its values and reacts to chooseNumber and clicks, so the
// same number keys work for every field type. Subclasses: SingleChoiceField, MultiChoiceField.
#include <QFrame>
#include <QString>
#include <QStringList>
#include <nlohmann/json.hpp>

class QLabel;
class QVBoxLayout;

namespace srllm::ui {

class LabelField : public QFrame {
    Q_OBJECT
public:
    LabelField(const nlohmann::json& field, QWidget* parent = nullptr);

    const QString& key() const { return m_key; }
    const QStringList& values() const { return m_values; }

    // Shows the stored value (a string, an array of strings, or null) without emitting valueEdited.
    virtual void setValue(const nlohmann::json& value) = 0;
    // Number key n (1-based). Returns true when the field is finished, so the form may move on.
    virtual bool chooseNumber(int n) = 0;
    virtual bool isMulti() const = 0;
    // Clears the value (emits valueEdited with null or an empty array).
    virtual void clearValue() = 0;

    void setActive(bool active, bool formFocused);

signals:
    void valueEdited(const QString& key, const nlohmann::json& value);
    void clicked(srllm::ui::LabelField* field);

protected:
    void mousePressEvent(QMouseEvent* event) override;
    QVBoxLayout* body() const { return m_body; }
    // "1  No": the number key shown before a value.
    static QString numbered(int n, const QString& value);

private:
    QString m_key;
    QStringList m_values;
    QLabel* m_title;
    QVBoxLayout* m_body;
};

}  // namespace srllm::ui
