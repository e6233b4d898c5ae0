#include "conversationsample.h"

using namespace Qt::StringLiterals;

namespace genius::storage::test {

Sample makeSample(const QString& path)
{
    auto opened = ConversationStore::open(path);
    if (!opened)
        return {};
    ConversationStore& store = **opened;
    auto conversation = store.create(ConversationFunction::Ask, domain::ProtectionClass::Normal);
    if (!conversation)
        return {};
    const QString id = conversation->id;
    NewMessage question;
    question.content = u"Wie hoch ist die Hundesteuer für den ersten Hund?"_s;
    const auto asked = store.append(id, question);
    NewMessage abandoned;
    abandoned.role = MessageRole::Assistant;
    abandoned.content = u"Verworfene Antwortvariante"_s;
    abandoned.model = u"sim-sovereign"_s;
    const auto first = store.append(id, abandoned);
    NewMessage reply = abandoned;
    reply.content = u"Für den ersten Hund beträgt die Steuer 156 Euro im Jahr [1].\nErmäßigungen regelt § 5 [2]."_s;
    reply.sources = {{u"7"_s, u"hundesteuersatzung.pdf"_s, 3, u"Die Steuer beträgt für den ersten Hund 156 Euro."_s},
                     {u"8"_s, u"ermäßigungen.docx"_s, std::nullopt, u"§ 5 Steuerermäßigungen"_s}};
    if (!asked || !first || !store.regenerate(first->id, reply))
        return {};
    NewMessage followUp;
    followUp.content = u"Und für einen Listenhund?"_s;
    followUp.protectionClass = domain::ProtectionClass::High;
    NewMessage stopped = abandoned;
    stopped.content = u"Für gefährliche Hunde gilt ein erhöhter"_s;
    stopped.protectionClass = domain::ProtectionClass::High;
    stopped.state = MessageState::Cancelled;
    if (!store.append(id, followUp) || !store.append(id, stopped))
        return {};
    auto record = store.conversation(id);
    auto messages = store.activePath(id);
    if (!record || !messages)
        return {};
    return {*record, *messages};
}

} // namespace genius::storage::test
