#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTextBrowser;

namespace genius::models {
class CollectionListModel;
class Curation;
class DocumentTableModel;
}
namespace genius::services {
class AskService;
class SourceService;
struct FunctionAnswer;
}

namespace genius::ui {

class SourceOpener;

/// A question with citations: to chosen documents (Einzeldokumente befragen) or across chosen
/// collections (Rechercheassistenz). The answer cites `[n]`; the sources below name the
/// document and page with the passage. Says plainly when the collections hold no evidence,
/// and when the answer was made on this workstation.
class QuestionPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QuestionPage)

public:
    enum class Mode { Documents, Research };

    /// Documents mode lists the ready documents of `documents`; research mode the collections
    /// of `collections` (only published ones unless `allCollections`). Each must outlive the page.
    QuestionPage(Mode mode, services::AskService& askService, const models::DocumentTableModel* documents,
                 const models::CollectionListModel* collections, bool allCollections, QWidget* parent = nullptr);
    ~QuestionPage() override;

    /// Documents mode: lets the user attach files (button or drag and drop), imported through
    /// `curation` with the class chosen beside the button and ticked once they are ready.
    void enableAttaching(models::Curation& curation);
    /// Makes the citations and sources of answers links that open the cited passage.
    void enableSources(const services::SourceService& sources);
    /// Opens the cited sources; null until enableSources().
    SourceOpener* sourceOpener() const { return m_sourceOpener; }
    /// Imports files as the Attach button does.
    void attach(const QStringList& paths);

    /// Ticks a document (by id) or a collection (by name); false when it is not offered.
    bool choose(const QString& key);
    /// Asks `question` about what is ticked, as the Ask button does.
    void ask(const QString& question);
    QString answerText() const;
    QString status() const;
    bool isBusy() const { return m_busy; }

Q_SIGNALS:
    void finished();

protected:
    void showEvent(QShowEvent* event) override;

private:
    void refreshChoices();
    QStringList chosenKeys() const;
    void showAnswer(const services::FunctionAnswer& answer);
    void updateAttachments();

    Mode m_mode;
    services::AskService& m_ask;
    const models::DocumentTableModel* m_documents = nullptr;
    const models::CollectionListModel* m_collections = nullptr;
    bool m_allCollections = false;
    bool m_busy = false;

    QListWidget* m_choices = nullptr;
    QPlainTextEdit* m_question = nullptr;
    QPushButton* m_run = nullptr;
    QTextBrowser* m_answer = nullptr;
    QLabel* m_status = nullptr;
    models::Curation* m_curation = nullptr;
    QList<qint64> m_attaching; ///< attached documents still importing
    QStringList m_attachProblems; ///< files of the last attach that could not be imported
    QComboBox* m_attachClass = nullptr;
    QPushButton* m_attach = nullptr;
    SourceOpener* m_sourceOpener = nullptr;
};

} // namespace genius::ui
