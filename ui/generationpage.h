#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTextEdit;

namespace genius::models {
class DocumentTableModel;
}
namespace genius::services {
class GenerationService;
class TemplateLibrary;
}

namespace genius::ui {

/// Textgenerierung: a draft after a template (reply to a citizen's enquiry, minutes, memo, …)
/// from bullet points and/or an imported document, in a formal or citizen-friendly tone. The
/// draft streams in, is editable, can be copied and saved. Content no model may read is
/// refused and nothing is sent.
class GenerationPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GenerationPage)

public:
    /// Each must outlive the page; `documents` may be null.
    GenerationPage(services::GenerationService& generation, const services::TemplateLibrary& templates,
                   const models::DocumentTableModel* documents, QWidget* parent = nullptr);
    ~GenerationPage() override;

    /// Drafts with the current choices, as the Draft button does.
    void draft();
    /// Chooses a template by name; false when there is none of that name.
    bool chooseTemplate(const QString& name);
    void setMaterial(const QString& text);
    QString result() const;
    QString status() const;
    bool isBusy() const { return m_busy; }

Q_SIGNALS:
    /// The draft (or the reason there is none) is shown.
    void finished();

protected:
    void showEvent(QShowEvent* event) override;

private:
    void updateInputs();

    services::GenerationService& m_generation;
    const models::DocumentTableModel* m_documents = nullptr;
    bool m_busy = false;

    QComboBox* m_template = nullptr;
    QLabel* m_templateDescription = nullptr;
    QComboBox* m_tone = nullptr;
    QPlainTextEdit* m_material = nullptr;
    QComboBox* m_materialClass = nullptr;
    QComboBox* m_document = nullptr;
    QPushButton* m_run = nullptr;
    QTextEdit* m_result = nullptr;
    QPushButton* m_copy = nullptr;
    QPushButton* m_save = nullptr;
    QLabel* m_status = nullptr;
};

} // namespace genius::ui
