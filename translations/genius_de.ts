<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en">
<context>
    <name>ArgParser</name>
    <message>
        <source>Unknown option &apos;--%1&apos;. Run &apos;genius-cli --help&apos; to see the options.</source>
        <translation>Unbekannte Option „--%1“. Mit „genius-cli --help“ werden die Optionen angezeigt.</translation>
    </message>
    <message>
        <source>Unknown option &apos;--%1&apos; for &apos;%2&apos;. Run &apos;genius-cli %2 --help&apos; to see its options.</source>
        <translation>Unbekannte Option „--%1“ für „%2“. Mit „genius-cli %2 --help“ werden seine Optionen angezeigt.</translation>
    </message>
    <message>
        <source>The option &apos;--%1&apos; takes no value.</source>
        <translation>Die Option „--%1“ nimmt keinen Wert an.</translation>
    </message>
    <message>
        <source>The option &apos;--%1&apos; needs a value.</source>
        <translation>Die Option „--%1“ braucht einen Wert.</translation>
    </message>
</context>
<context>
    <name>AskCommand</name>
    <message>
        <source>Ask a question of one imported document, with citations</source>
        <translation>Eine Frage an ein importiertes Dokument stellen, mit Quellenangaben</translation>
    </message>
    <message>
        <source>Name the document with --document ID (see &apos;genius-cli documents&apos;).</source>
        <translation>Nennen Sie das Dokument mit --document ID (siehe &apos;genius-cli documents&apos;).</translation>
    </message>
    <message>
        <source>No question given. Run &apos;genius-cli ask --help&apos;.</source>
        <translation>Keine Frage angegeben. Siehe &apos;genius-cli ask --help&apos;.</translation>
    </message>
    <message>
        <source>The document contains nothing on this question.</source>
        <translation>Das Dokument enthält nichts zu dieser Frage.</translation>
    </message>
    <message>
        <source>Usage: genius-cli ask --document ID[,ID...] QUESTION...

Answers from the document(s) only and cites their pages as [n]. Documents that
fit the model&apos;s context go in whole; longer ones through retrieval within them. The
request carries the highest of the documents&apos; classes and protection/defaultClass and
goes only to a model cleared for it. When no model may read it (very-high, no
gateway, none cleared) the best passages are shown instead and nothing is sent
(--json: &quot;local&quot;: true). QUESTION &apos;-&apos; reads standard input.</source>
        <translation>Aufruf: genius-cli ask --document ID[,ID...] FRAGE...

Antwortet nur aus dem Dokument bzw. den Dokumenten und belegt ihre Seiten mit [n].
Dokumente, die in den Kontext des Modells passen, gehen ganz hinein; längere über die
Suche darin. Die Anfrage trägt die höchste Klasse der Dokumente und von
protection/defaultClass und geht nur an ein dafür freigegebenes Modell. Darf kein
Modell sie lesen (very-high, kein Gateway, keines freigegeben), werden stattdessen die
besten Fundstellen gezeigt und nichts gesendet (--json: &quot;local&quot;: true). FRAGE &apos;-&apos;
liest die Standardeingabe.</translation>
    </message>
</context>
<context>
    <name>AssignmentCommand</name>
    <message numerus="yes">
        <source>assign %n document(s) to &quot;%1&quot;</source>
        <translation>
            <numerusform>%n Dokument „%1“ zuordnen</numerusform>
            <numerusform>%n Dokumente „%1“ zuordnen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>remove %n document(s) from &quot;%1&quot;</source>
        <translation>
            <numerusform>%n Dokument aus „%1“ entfernen</numerusform>
            <numerusform>%n Dokumente aus „%1“ entfernen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AuditCommand</name>
    <message>
        <source>Verify or export the audit log of outbound requests</source>
        <translation>Das Prüfprotokoll ausgehender Anfragen prüfen oder exportieren</translation>
    </message>
    <message>
        <source>Usage: genius-cli audit verify
       genius-cli audit export

Every request that leaves this workstation is recorded (time, user, endpoint, model,
protection class, document ids, tokens, request ids; no content by default) in a
hash chain. &apos;verify&apos; exits 0 only if the chain is intact and otherwise names the
first broken line (exit 2); &apos;export&apos; prints all entries as a JSON array.</source>
        <translation>Aufruf: genius-cli audit verify
        genius-cli audit export

Jede Anfrage, die diesen Arbeitsplatz verlässt, wird in einer Hash-Kette festgehalten
(Zeit, Benutzer, Endpunkt, Modell, Schutzbedarfsklasse, Dokument-IDs, Tokens,
Anfrage-IDs; standardmäßig keine Inhalte). „verify“ endet nur bei intakter Kette mit 0
und nennt sonst die erste beschädigte Zeile (Exit-Code 2); „export“ gibt alle Einträge
als JSON-Array aus.</translation>
    </message>
    <message>
        <source>Expected &apos;audit verify&apos; or &apos;audit export&apos;.</source>
        <translation>Erwartet wird „audit verify“ oder „audit export“.</translation>
    </message>
    <message numerus="yes">
        <source>The audit log is intact (%n entries).</source>
        <translation>
            <numerusform>Das Prüfprotokoll ist intakt (%n Eintrag).</numerusform>
            <numerusform>Das Prüfprotokoll ist intakt (%n Einträge).</numerusform>
        </translation>
    </message>
    <message>
        <source>The audit log is broken at line %1: %2.</source>
        <translation>Das Prüfprotokoll ist in Zeile %1 beschädigt: %2.</translation>
    </message>
</context>
<context>
    <name>BudgetCommand</name>
    <message>
        <source>Show the API key&apos;s spend and budget where the gateway reports them</source>
        <translation>Verbrauch und Budget des API-Schlüssels zeigen, soweit das Gateway sie meldet</translation>
    </message>
    <message>
        <source>Usage: genius-cli budget

Shows what the API key has spent and its budget, as the gateway reports them
(LiteLLM /key/info). A gateway that reports nothing leaves both unknown.</source>
        <translation>Aufruf: genius-cli budget

Zeigt, was der API-Schlüssel verbraucht hat und wie hoch sein Budget ist, wie das
Gateway sie meldet (LiteLLM /key/info). Meldet ein Gateway nichts, bleiben beide unbekannt.</translation>
    </message>
    <message>
        <source>not reported</source>
        <translation>nicht gemeldet</translation>
    </message>
    <message>
        <source>Spend: %1</source>
        <translation>Verbrauch: %1</translation>
    </message>
    <message>
        <source>Budget: %1</source>
        <translation>Budget: %1</translation>
    </message>
</context>
<context>
    <name>ChatCommand</name>
    <message>
        <source>Ask a model and stream the answer</source>
        <translation>Ein Modell fragen und die Antwort fortlaufend ausgeben</translation>
    </message>
    <message>
        <source>No prompt given. Run &apos;genius-cli chat --help&apos;.</source>
        <translation>Kein Prompt angegeben. Siehe „genius-cli chat --help“.</translation>
    </message>
    <message>
        <source>The answer was cut at the token limit.</source>
        <translation>Die Antwort wurde an der Token-Grenze abgeschnitten.</translation>
    </message>
    <message>
        <source>The gateway&apos;s content filter stopped the answer.</source>
        <translation>Der Inhaltsfilter des Gateways hat die Antwort gestoppt.</translation>
    </message>
    <message>
        <source>Conversation %1 has the protection class very-high and never leaves this workstation; nothing was sent.</source>
        <translation>Unterhaltung %1 hat den Schutzbedarf very-high und verlässt diesen Arbeitsplatz nie; es wurde nichts gesendet.</translation>
    </message>
    <message>
        <source>Conversation: %1</source>
        <translation>Unterhaltung: %1</translation>
    </message>
    <message>
        <source>The answer could not be stored: %1</source>
        <translation>Die Antwort konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Usage: genius-cli chat [--class none|normal|high|very-high] [--conversation ID] PROMPT...

Streams the answer to standard output. The request carries the protection class
given (default: the setting protection/defaultClass) and goes only to a model
cleared for it; very-high never leaves this workstation (exit 3). PROMPT &apos;-&apos;
reads the prompt from standard input. Ctrl+C stops the answer (exit 7).

Every chat is stored: without --conversation a new conversation starts and its id
is printed to standard error (&apos;Conversation: ID&apos;; with --json as &apos;conversation&apos;).
--conversation ID continues it: its current branch goes along as history, as much
as fits the context, and the request carries at least the conversation&apos;s class.
With --conversation, --regenerate (no PROMPT) answers the branch&apos;s last question
again beside the earlier answer, and --edit MESSAGE PROMPT asks PROMPT instead of
the question MESSAGE of the current branch, on a new branch (see &apos;conversations show&apos;).</source>
        <translation>Aufruf: genius-cli chat [--class none|normal|high|very-high] [--conversation ID] PROMPT...

Gibt die Antwort fortlaufend auf der Standardausgabe aus. Die Anfrage trägt den
angegebenen Schutzbedarf (Standard: die Einstellung protection/defaultClass) und
geht nur an ein dafür freigegebenes Modell; very-high verlässt diesen Arbeitsplatz nie
(Exit-Code 3). PROMPT „-“ liest den Prompt von der Standardeingabe. Strg+C hält die
Antwort an (Exit-Code 7).

Jeder Chat wird gespeichert: ohne --conversation beginnt eine neue Unterhaltung, deren
ID auf der Standardfehlerausgabe erscheint („Unterhaltung: ID“; mit --json als
„conversation“). --conversation ID setzt sie fort: ihr aktueller Zweig geht als
Verlauf mit, soweit er in den Kontext passt, und die Anfrage trägt mindestens den
Schutzbedarf der Unterhaltung.
Mit --conversation beantwortet --regenerate (ohne PROMPT) die letzte Frage des Zweigs
neu, neben der früheren Antwort, und --edit NACHRICHT PROMPT stellt PROMPT anstelle der
Frage NACHRICHT des aktuellen Zweigs, auf einem neuen Zweig (siehe &apos;conversations show&apos;).</translation>
    </message>
    <message>
        <source>--regenerate and --edit need --conversation ID.</source>
        <translation>--regenerate und --edit brauchen --conversation ID.</translation>
    </message>
    <message>
        <source>--regenerate takes no prompt.</source>
        <translation>--regenerate nimmt keinen Prompt.</translation>
    </message>
    <message>
        <source>Conversation %1 has no question to answer again.</source>
        <translation>Die Unterhaltung %1 enthält keine Frage, die neu beantwortet werden könnte.</translation>
    </message>
    <message>
        <source>Message %1 is not a question on the current branch of conversation %2.</source>
        <translation>Die Nachricht %1 ist keine Frage auf dem aktuellen Zweig der Unterhaltung %2.</translation>
    </message>
</context>
<context>
    <name>CliApplication</name>
    <message>
        <source>Usage: genius-cli [global options] COMMAND [options] [arguments]

Global options:
  --profile DIR    use the profile in DIR instead of the default one
  --endpoint URL   use this gateway for this run
  --model NAME     use this model for this run
  --store URL      use this shared collection store for this run
  --json           print machine-readable JSON on standard output
  --help           show this help, or a command&apos;s help after its name
  --version        show the version

Commands:
</source>
        <translation>Aufruf: genius-cli [globale Optionen] BEFEHL [Optionen] [Argumente]

Globale Optionen:
  --profile DIR    das Profil im Ordner DIR statt des Standardprofils verwenden
  --endpoint URL   dieses Gateway für diesen Aufruf verwenden
  --model NAME     dieses Modell für diesen Aufruf verwenden
  --store URL      diesen gemeinsamen Kollektionsspeicher für diesen Aufruf verwenden
  --json           maschinenlesbares JSON auf der Standardausgabe ausgeben
  --help           diese Hilfe zeigen, nach einem Befehl dessen Hilfe
  --version        die Version zeigen

Befehle:
</translation>
    </message>
    <message>
        <source>
Exit codes: 0 success, 1 usage, 2 bad input, 3 refused by the protection-class guard,
4 refused by the gateway, 5 gateway unreachable, 6 quota exhausted, 7 cancelled,
8 keychain or profile unusable.</source>
        <translation>
Exit-Codes: 0 Erfolg, 1 Aufruffehler, 2 ungültige Eingabe, 3 vom Schutzbedarf-Wächter abgelehnt,
4 vom Gateway abgelehnt, 5 Gateway nicht erreichbar, 6 Kontingent erschöpft, 7 abgebrochen,
8 Schlüsselbund oder Profil nicht nutzbar.</translation>
    </message>
    <message>
        <source>No command given. Run &apos;genius-cli --help&apos; to see the commands.</source>
        <translation>Kein Befehl angegeben. Mit „genius-cli --help“ werden die Befehle angezeigt.</translation>
    </message>
    <message>
        <source>Unknown command &apos;%1&apos;. Run &apos;genius-cli --help&apos; to see the commands.</source>
        <translation>Unbekannter Befehl „%1“. Mit „genius-cli --help“ werden die Befehle angezeigt.</translation>
    </message>
    <message>
        <source>The option &apos;--%1&apos; cannot be used: %2</source>
        <translation>Die Option „--%1“ kann nicht verwendet werden: %2</translation>
    </message>
</context>
<context>
    <name>CollectionListModel</name>
    <message numerus="yes">
        <source>%1 (%n document(s))</source>
        <translation>
            <numerusform>%1 (%n Dokument)</numerusform>
            <numerusform>%1 (%n Dokumente)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n document(s), shared)</source>
        <translation>
            <numerusform>%1 (%n Dokument, gemeinsam)</numerusform>
            <numerusform>%1 (%n Dokumente, gemeinsam)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CollectionsCommand</name>
    <message>
        <source>List, create, fill and delete collections</source>
        <translation>Kollektionen auflisten, anlegen, füllen und löschen</translation>
    </message>
    <message>
        <source>Unknown action &apos;%1&apos;. Run &apos;genius-cli collections --help&apos;.</source>
        <translation>Unbekannte Aktion &apos;%1&apos;. Siehe &apos;genius-cli collections --help&apos;.</translation>
    </message>
    <message>
        <source>Wrong number of arguments for &apos;%1&apos;. Run &apos;genius-cli collections --help&apos;.</source>
        <translation>Falsche Anzahl von Argumenten für &apos;%1&apos;. Siehe &apos;genius-cli collections --help&apos;.</translation>
    </message>
    <message numerus="yes">
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n Dokument</numerusform>
            <numerusform>%n Dokumente</numerusform>
        </translation>
    </message>
    <message>
        <source>published</source>
        <translation>veröffentlicht</translation>
    </message>
    <message>
        <source>not published</source>
        <translation>nicht veröffentlicht</translation>
    </message>
    <message>
        <source>Unknown protection class &apos;%1&apos;; use none, normal, high or very-high.</source>
        <translation>Unbekannter Schutzbedarf &apos;%1&apos;; erlaubt sind none, normal, high und very-high.</translation>
    </message>
    <message>
        <source>Collection &quot;%1&quot; created (class %2).</source>
        <translation>Kollektion „%1“ angelegt (Schutzbedarf %2).</translation>
    </message>
    <message numerus="yes">
        <source>Collection &quot;%1&quot; deleted; its %n document(s) stay.</source>
        <translation>
            <numerusform>Kollektion „%1“ gelöscht; ihr %n Dokument bleibt erhalten.</numerusform>
            <numerusform>Kollektion „%1“ gelöscht; ihre %n Dokumente bleiben erhalten.</numerusform>
        </translation>
    </message>
    <message>
        <source>Collection &quot;%1&quot; renamed to &quot;%2&quot;.</source>
        <translation>Kollektion „%1“ in „%2“ umbenannt.</translation>
    </message>
    <message>
        <source>Collection &quot;%1&quot; published.</source>
        <translation>Kollektion „%1“ veröffentlicht.</translation>
    </message>
    <message>
        <source>Collection &quot;%1&quot; unpublished.</source>
        <translation>Veröffentlichung der Kollektion „%1“ zurückgenommen.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a document id (see &apos;genius-cli documents&apos;).</source>
        <translation>&apos;%1&apos; ist keine Dokument-ID (siehe &apos;genius-cli documents&apos;).</translation>
    </message>
    <message>
        <source>Document %1 assigned to &quot;%2&quot;.</source>
        <translation>Dokument %1 der Kollektion „%2“ zugeordnet.</translation>
    </message>
    <message>
        <source>Document %1 taken out of &quot;%2&quot;.</source>
        <translation>Dokument %1 aus „%2“ herausgenommen.</translation>
    </message>
    <message>
        <source>Document %1 was not in &quot;%2&quot;.</source>
        <translation>Dokument %1 war nicht in „%2“.</translation>
    </message>
    <message>
        <source>change collections</source>
        <translation>Kollektionen ändern</translation>
    </message>
    <message>
        <source>--class, --description and --tenant belong to &apos;collections create&apos;.</source>
        <translation>--class, --description und --tenant gehören zu &apos;collections create&apos;.</translation>
    </message>
    <message>
        <source>A collection of the shared store belongs to the tenant of the store&apos;s user; --tenant is for local collections only.</source>
        <translation>Eine Kollektion des gemeinsamen Speichers gehört dem Mandanten des Speicherbenutzers; --tenant gilt nur für lokale Kollektionen.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a document id of the shared store; with --store, give one id as &apos;import --json&apos; prints it in &apos;store_document&apos;.</source>
        <translation>&apos;%1&apos; ist keine Dokument-ID des gemeinsamen Speichers; geben Sie mit --store eine ID an, wie &apos;import --json&apos; sie in &apos;store_document&apos; ausgibt.</translation>
    </message>
    <message>
        <source>Document %1 is in &quot;%2&quot; already.</source>
        <translation>Dokument %1 ist bereits in „%2“.</translation>
    </message>
    <message>
        <source>Description of collection &quot;%1&quot; saved.</source>
        <translation>Beschreibung der Kollektion „%1“ gespeichert.</translation>
    </message>
    <message>
        <source>Usage: genius-cli collections [list]
       genius-cli collections create NAME [--class C] [--description TEXT] [--tenant T]
       genius-cli collections assign DOC[,DOC...] NAME
       genius-cli collections unassign DOC[,DOC...] NAME
       genius-cli collections delete NAME
       genius-cli collections rename NAME NEW-NAME
       genius-cli collections describe NAME TEXT
       genius-cli collections publish NAME | unpublish NAME

A collection&apos;s class (default normal) caps its documents: assigning a document of a
higher class is refused (exit 3) and the others of the batch are still assigned.
Deleting a collection keeps its documents; &apos;describe&apos; sets its description (&quot;&quot; clears
it). &apos;documents --unassigned&apos; lists the documents that belong to no collection.
Only data managers may change collections (exit 4 for staff); staff see only the
published ones.

With a shared store (--store URL, or the setting store/url) these actions work on the
store&apos;s collections of the store user&apos;s tenant: DOC is then the store&apos;s document id
(&apos;store_document&apos; of &apos;import --json&apos;), one at a time; new collections are unpublished;
--tenant does not apply and the class very-high is refused. Names are exact; a name that
differs from a live one only in letter case counts as taken.</source>
        <translation>Aufruf: genius-cli collections [list]
        genius-cli collections create NAME [--class C] [--description TEXT] [--tenant T]
        genius-cli collections assign DOK[,DOK...] NAME
        genius-cli collections unassign DOK[,DOK...] NAME
        genius-cli collections delete NAME
        genius-cli collections rename NAME NEUER-NAME
        genius-cli collections describe NAME TEXT
        genius-cli collections publish NAME | unpublish NAME

Der Schutzbedarf einer Kollektion (Standard normal) begrenzt ihre Dokumente: Ein Dokument
mit höherem Schutzbedarf wird nicht zugeordnet (Exit-Code 3), die übrigen des Stapels schon.
Beim Löschen einer Kollektion bleiben ihre Dokumente erhalten; &apos;describe&apos; setzt ihre
Beschreibung (&quot;&quot; leert sie). &apos;documents --unassigned&apos; listet die Dokumente, die keiner
Kollektion angehören.
Nur Datenmanager dürfen Kollektionen ändern (Exit-Code 4 für Sachbearbeitung); die
Sachbearbeitung sieht nur die veröffentlichten.

Mit einem gemeinsamen Speicher (--store URL oder die Einstellung store/url) wirken diese
Aktionen auf die Kollektionen des Mandanten des Speicherbenutzers: DOK ist dann die
Dokument-ID des Speichers (&apos;store_document&apos; von &apos;import --json&apos;), eine je Aufruf; neue
Kollektionen sind unveröffentlicht; --tenant gilt nicht und Schutzbedarf sehr hoch wird
abgelehnt. Namen gelten genau; ein Name, der sich von einem bestehenden nur in Groß- und
Kleinschreibung unterscheidet, ist vergeben.</translation>
    </message>
</context>
<context>
    <name>Command</name>
    <message>
        <source>No gateway is configured: set gateway/url or pass --endpoint URL.</source>
        <translation>Es ist kein Gateway eingerichtet: gateway/url setzen oder --endpoint URL angeben.</translation>
    </message>
    <message>
        <source>Unknown protection class &apos;%1&apos;; use none, normal, high or very-high.</source>
        <translation>Unbekannter Schutzbedarf &apos;%1&apos;; erlaubt sind none, normal, high und very-high.</translation>
    </message>
    <message>
        <source>set by policy</source>
        <translation>durch Richtlinie festgelegt</translation>
    </message>
    <message>
        <source>from the local profile</source>
        <translation>aus dem lokalen Profil</translation>
    </message>
    <message>
        <source>Only data managers may %1; the role on this workstation is %2 (%3).</source>
        <translation>Nur Datenmanager dürfen %1; die Rolle an diesem Arbeitsplatz ist %2 (%3).</translation>
    </message>
    <message>
        <source>granted in the shared store</source>
        <translation>im gemeinsamen Speicher vergeben</translation>
    </message>
</context>
<context>
    <name>ConversationExport</name>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>Assistent</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>none</source>
        <translation>kein</translation>
    </message>
    <message>
        <source>normal</source>
        <translation>normal</translation>
    </message>
    <message>
        <source>high</source>
        <translation>hoch</translation>
    </message>
    <message>
        <source>very high</source>
        <translation>sehr hoch</translation>
    </message>
    <message>
        <source>(cut off)</source>
        <translation>(abgeschnitten)</translation>
    </message>
    <message>
        <source>(failed)</source>
        <translation>(fehlgeschlagen)</translation>
    </message>
    <message>
        <source>(stopped)</source>
        <translation>(angehalten)</translation>
    </message>
    <message>
        <source>[%1] %2, p. %3</source>
        <translation>[%1] %2, S. %3</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Unterhaltung</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>Datum:</translation>
    </message>
    <message>
        <source>Protection class:</source>
        <translation>Schutzbedarf:</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Quellen</translation>
    </message>
</context>
<context>
    <name>ConversationsCommand</name>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>Assistent</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source> (cut off)</source>
        <translation> (abgeschnitten)</translation>
    </message>
    <message>
        <source> (failed)</source>
        <translation> (fehlgeschlagen)</translation>
    </message>
    <message>
        <source> (stopped)</source>
        <translation> (angehalten)</translation>
    </message>
    <message>
        <source>List, search, show, export and delete conversations</source>
        <translation>Unterhaltungen auflisten, durchsuchen, anzeigen, exportieren und löschen</translation>
    </message>
    <message>
        <source>Usage: genius-cli conversations list [--search TEXT]
       genius-cli conversations show ID
       genius-cli conversations export ID --format md|odt|docx|pdf --output FILE
       genius-cli conversations delete ID

Conversations are stored in the profile; &apos;chat&apos; creates and continues them.
list shows id, last change, protection class, function and title, newest first;
--search lists the messages that contain every word. show prints the current
branch of a conversation; export writes it with its sources to FILE. Conversations
whose last change is older than the retention days of their class (settings
retention/*Days) are deleted whenever the conversations are opened.</source>
        <translation>Aufruf: genius-cli conversations list [--search TEXT]
        genius-cli conversations show ID
        genius-cli conversations export ID --format md|odt|docx|pdf --output DATEI
        genius-cli conversations delete ID

Unterhaltungen werden im Profil gespeichert; „chat“ legt sie an und setzt sie fort.
list zeigt ID, letzte Änderung, Schutzbedarf, Funktion und Titel, die neuesten zuerst;
--search listet die Nachrichten, die jedes Wort enthalten. show gibt den aktuellen
Zweig einer Unterhaltung aus; export schreibt ihn mit seinen Quellen in DATEI.
Unterhaltungen, deren letzte Änderung länger zurückliegt als die Aufbewahrungsfrist
ihres Schutzbedarfs (Einstellungen retention/*Days), werden bei jedem Öffnen gelöscht.</translation>
    </message>
    <message>
        <source>Give list, show ID, export ID or delete ID. Run &apos;genius-cli conversations --help&apos;.</source>
        <translation>Geben Sie list, show ID, export ID oder delete ID an. Siehe &apos;genius-cli conversations --help&apos;.</translation>
    </message>
    <message>
        <source>export needs --format md|odt|docx|pdf and --output FILE.</source>
        <translation>export braucht --format md|odt|docx|pdf und --output DATEI.</translation>
    </message>
    <message>
        <source>--format and --output belong to export only.</source>
        <translation>--format und --output gehören nur zu export.</translation>
    </message>
    <message>
        <source>--search belongs to list only.</source>
        <translation>--search gehört nur zu list.</translation>
    </message>
    <message>
        <source>[%1] %2, p. %3</source>
        <translation>[%1] %2, S. %3</translation>
    </message>
    <message>
        <source>Unknown export format &apos;%1&apos;; use md, odt, docx or pdf.</source>
        <translation>Unbekanntes Exportformat &apos;%1&apos;; erlaubt sind md, odt, docx und pdf.</translation>
    </message>
    <message>
        <source>Exported conversation %1 to %2.</source>
        <translation>Unterhaltung %1 nach %2 exportiert.</translation>
    </message>
    <message>
        <source>Deleted conversation %1.</source>
        <translation>Unterhaltung %1 gelöscht.</translation>
    </message>
</context>
<context>
    <name>DocumentTableModel</name>
    <message>
        <source>none</source>
        <translation>kein</translation>
    </message>
    <message>
        <source>normal</source>
        <translation>normal</translation>
    </message>
    <message>
        <source>high</source>
        <translation>hoch</translation>
    </message>
    <message>
        <source>very high</source>
        <translation>sehr hoch</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Wartet</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>Liest</translation>
    </message>
    <message>
        <source>Indexing</source>
        <translation>Indexiert</translation>
    </message>
    <message>
        <source>Embedding</source>
        <translation>Bettet ein</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>encrypted</source>
        <translation>verschlüsselt</translation>
    </message>
    <message>
        <source>empty file</source>
        <translation>leere Datei</translation>
    </message>
    <message>
        <source>damaged</source>
        <translation>beschädigt</translation>
    </message>
    <message>
        <source>unsupported format</source>
        <translation>Format nicht unterstützt</translation>
    </message>
    <message>
        <source>too large</source>
        <translation>zu groß</translation>
    </message>
    <message>
        <source>not readable</source>
        <translation>nicht lesbar</translation>
    </message>
    <message>
        <source>OCR unavailable</source>
        <translation>OCR nicht verfügbar</translation>
    </message>
    <message>
        <source>OCR quality low</source>
        <translation>OCR-Qualität niedrig</translation>
    </message>
    <message>
        <source>file changed</source>
        <translation>Datei geändert</translation>
    </message>
    <message>
        <source>file missing</source>
        <translation>Datei fehlt</translation>
    </message>
    <message>
        <source>embedding failed (still searchable)</source>
        <translation>Einbettung fehlgeschlagen (weiter durchsuchbar)</translation>
    </message>
    <message>
        <source>import failed</source>
        <translation>Import fehlgeschlagen</translation>
    </message>
    <message>
        <source>Text recognition averaged %1 % confidence; check the extracted text.</source>
        <translation>Die Texterkennung war sich im Mittel zu %1 % sicher; bitte den erkannten Text prüfen.</translation>
    </message>
    <message>
        <source>The passages could not be embedded; the document can still be found by its words.</source>
        <translation>Die Textabschnitte konnten nicht eingebettet werden; das Dokument ist über seine Wörter weiterhin auffindbar.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Protection class</source>
        <translation>Schutzbedarfsklasse</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Uploaded</source>
        <translation>Hochgeladen</translation>
    </message>
    <message>
        <source>Collections</source>
        <translation>Kollektionen</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
</context>
<context>
    <name>DocumentsCommand</name>
    <message>
        <source>List imported documents with class, pages, status and collections</source>
        <translation>Importierte Dokumente mit Schutzbedarf, Seiten, Status und Sammlungen auflisten</translation>
    </message>
    <message>
        <source>Give either --collection NAME or --unassigned. Run &apos;genius-cli documents --help&apos;.</source>
        <translation>Geben Sie entweder --collection NAME oder --unassigned an. Siehe &apos;genius-cli documents --help&apos;.</translation>
    </message>
    <message>
        <source>pages</source>
        <translation>Seiten</translation>
    </message>
    <message>
        <source>passages</source>
        <translation>Passagen</translation>
    </message>
    <message>
        <source>list the documents of the unpublished collection &quot;%1&quot;</source>
        <translation>die Dokumente der unveröffentlichten Kollektion „%1“ auflisten</translation>
    </message>
    <message>
        <source>Give one document id of the shared store, as &apos;import --json&apos; prints it in &apos;store_document&apos;. Run &apos;genius-cli documents --help&apos;.</source>
        <translation>Geben Sie eine Dokument-ID des gemeinsamen Speichers an, wie &apos;import --json&apos; sie in &apos;store_document&apos; ausgibt. Siehe &apos;genius-cli documents --help&apos;.</translation>
    </message>
    <message>
        <source>&apos;documents withdraw&apos; works on the shared store; give --store URL or set store/url.</source>
        <translation>&apos;documents withdraw&apos; wirkt auf den gemeinsamen Speicher; geben Sie --store URL an oder setzen Sie store/url.</translation>
    </message>
    <message>
        <source>withdraw documents</source>
        <translation>Dokumente zurückziehen</translation>
    </message>
    <message numerus="yes">
        <source>Document %1 &quot;%2&quot; withdrawn from the shared store (it was in %n collection(s)); clients drop their copies at their next sync.</source>
        <translation>
            <numerusform>Dokument %1 „%2“ aus dem gemeinsamen Speicher zurückgezogen (es war in %n Kollektion); die Arbeitsplätze entfernen ihre Kopien beim nächsten Abgleich.</numerusform>
            <numerusform>Dokument %1 „%2“ aus dem gemeinsamen Speicher zurückgezogen (es war in %n Kollektionen); die Arbeitsplätze entfernen ihre Kopien beim nächsten Abgleich.</numerusform>
        </translation>
    </message>
    <message>
        <source>Usage: genius-cli documents [--collection NAME | --unassigned]
       genius-cli documents withdraw ID

Lists the documents of the local index: id, name, protection class, pages, passages,
import status with progress, and collections. --collection lists one collection&apos;s
documents, --unassigned those in no collection yet (the open assignments).

&apos;withdraw&apos; takes the document ID of the shared store (--store URL or the setting
store/url; the id is &apos;store_document&apos; of &apos;import --json&apos;) out of the store and out of
all its collections; clients drop their copies at their next sync. Only the store&apos;s
data managers may.</source>
        <translation>Aufruf: genius-cli documents [--collection NAME | --unassigned]
       genius-cli documents withdraw ID

Listet die Dokumente des lokalen Index: ID, Name, Schutzbedarfsklasse, Seiten, Passagen,
Importstatus mit Fortschritt und Kollektionen. --collection listet die Dokumente einer
Kollektion, --unassigned die noch keiner Kollektion zugeordneten (offene Zuordnungen).

&apos;withdraw&apos; zieht das Dokument ID des gemeinsamen Speichers (--store URL oder die
Einstellung store/url; die ID ist &apos;store_document&apos; von &apos;import --json&apos;) aus dem Speicher
und aus allen seinen Kollektionen zurück; die Arbeitsplätze entfernen ihre Kopien beim nächsten
Abgleich. Nur Datenmanager des Speichers dürfen das.</translation>
    </message>
</context>
<context>
    <name>FunctionOutput</name>
    <message>
        <source>, pages %1–%2</source>
        <translation>, S. %1–%2</translation>
    </message>
    <message>
        <source>, page %1</source>
        <translation>, S. %1</translation>
    </message>
    <message>
        <source>Answered locally: content of class very-high never leaves this workstation; nothing was sent.</source>
        <translation>Lokal beantwortet: Inhalte mit Schutzbedarf sehr hoch verlassen diesen Arbeitsplatz nie; es wurde nichts gesendet.</translation>
    </message>
    <message>
        <source>Answered locally: no gateway is configured; nothing was sent.</source>
        <translation>Lokal beantwortet: Es ist kein Gateway eingerichtet; es wurde nichts gesendet.</translation>
    </message>
    <message>
        <source>Answered locally: the gateway cannot be reached; nothing was sent.</source>
        <translation>Lokal beantwortet: Das Gateway ist nicht erreichbar; es wurde nichts gesendet.</translation>
    </message>
    <message>
        <source>Answered locally: no model of the gateway is cleared for this protection class; nothing was sent.</source>
        <translation>Lokal beantwortet: Kein Modell des Gateways ist für diesen Schutzbedarf freigegeben; es wurde nichts gesendet.</translation>
    </message>
    <message>
        <source>Documents above class %1 were left out: no model cleared for them is available.</source>
        <translation>Dokumente oberhalb der Klasse %1 blieben unberücksichtigt: Kein dafür freigegebenes Modell ist verfügbar.</translation>
    </message>
    <message numerus="yes">
        <source>%n citation(s) pointing at no source were removed.</source>
        <translation>
            <numerusform>%n Quellenangabe ohne zugehörige Quelle wurde entfernt.</numerusform>
            <numerusform>%n Quellenangaben ohne zugehörige Quelle wurden entfernt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Sources:</source>
        <translation>Quellen:</translation>
    </message>
</context>
<context>
    <name>GatewayQueryCommand</name>
    <message>
        <source>&apos;%1&apos; takes no arguments.</source>
        <translation>„%1“ nimmt keine Argumente an.</translation>
    </message>
</context>
<context>
    <name>GatewaySession</name>
    <message>
        <source>%1 Continuing without an API key.</source>
        <translation>%1 Es geht ohne API-Schlüssel weiter.</translation>
    </message>
</context>
<context>
    <name>GenerateCommand</name>
    <message>
        <source>Draft a text from a template (reply to a citizen, minutes, memo, …)</source>
        <translation>Einen Text nach Vorlage entwerfen (Antwort an Bürger, Protokoll, Vermerk, …)</translation>
    </message>
    <message>
        <source>Usage: genius-cli generate --template NAME [--tone formal|citizen] [--document ID]
                           [--class C] (FILE | -)
       genius-cli generate --list
       genius-cli generate --export-templates

Drafts a text after the template from bullet points in FILE or standard input
(&apos;-&apos;), and/or from an imported document. Built-in templates: buergeranfrage,
protokoll, vermerk, beschlussvorlage. --export-templates copies them into the
profile&apos;s templates folder, where they can be edited and new ones added.
A draft needs a model: very-high material is refused (exit 3) and nothing is sent.</source>
        <translation>Aufruf: genius-cli generate --template NAME [--tone formal|citizen] [--document ID]
                            [--class C] (DATEI | -)
        genius-cli generate --list
        genius-cli generate --export-templates

Entwirft einen Text nach der Vorlage aus Stichpunkten in DATEI oder der
Standardeingabe (&apos;-&apos;) und/oder aus einem importierten Dokument. Eingebaute Vorlagen:
buergeranfrage, protokoll, vermerk, beschlussvorlage. --export-templates kopiert sie in
den Vorlagenordner des Profils, wo sie bearbeitet und neue ergänzt werden können.
Ein Entwurf braucht ein Modell: Material mit very-high wird abgelehnt (Exit 3), nichts wird gesendet.</translation>
    </message>
    <message numerus="yes">
        <source>%n template(s) written to %1.</source>
        <translation>
            <numerusform>%n Vorlage nach %1 geschrieben.</numerusform>
            <numerusform>%n Vorlagen nach %1 geschrieben.</numerusform>
        </translation>
    </message>
    <message>
        <source>Name the template with --template NAME (see &apos;genius-cli generate --list&apos;).</source>
        <translation>Nennen Sie die Vorlage mit --template NAME (siehe &apos;genius-cli generate --list&apos;).</translation>
    </message>
    <message>
        <source>Unknown tone &apos;%1&apos;; use formal or citizen.</source>
        <translation>Unbekannter Ton &apos;%1&apos;; verwenden Sie formal oder citizen.</translation>
    </message>
    <message>
        <source>--document takes a document id (see &apos;genius-cli documents&apos;).</source>
        <translation>--document erwartet eine Dokument-ID (siehe &apos;genius-cli documents&apos;).</translation>
    </message>
    <message>
        <source>Give the bullet points as one FILE or &apos;-&apos; (standard input), or a --document.</source>
        <translation>Geben Sie die Stichpunkte als eine DATEI oder &apos;-&apos; (Standardeingabe) an, oder ein --document.</translation>
    </message>
    <message>
        <source>The file &apos;%1&apos; cannot be read.</source>
        <translation>Die Datei &apos;%1&apos; kann nicht gelesen werden.</translation>
    </message>
</context>
<context>
    <name>ImportCommand</name>
    <message>
        <source>Import and preprocess documents into the local index</source>
        <translation>Dokumente importieren und für den lokalen Index vorverarbeiten</translation>
    </message>
    <message>
        <source>No files given. Run &apos;genius-cli import --help&apos;.</source>
        <translation>Keine Dateien angegeben. Siehe &apos;genius-cli import --help&apos;.</translation>
    </message>
    <message>
        <source>Unknown protection class &apos;%1&apos;; use none, normal, high or very-high.</source>
        <translation>Unbekannter Schutzbedarf &apos;%1&apos;; erlaubt sind none, normal, high und very-high.</translation>
    </message>
    <message>
        <source>No gateway is configured: the documents are indexed for lexical search only.</source>
        <translation>Kein Gateway eingerichtet: Die Dokumente werden nur für die lexikalische Suche indexiert.</translation>
    </message>
    <message>
        <source>%1: page %2 of %3</source>
        <translation>%1: Seite %2 von %3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: no vectors (the gateway did not answer); lexical search works.</source>
        <translation>%1: keine Vektoren (das Gateway hat nicht geantwortet); die lexikalische Suche funktioniert.</translation>
    </message>
    <message>
        <source>Usage: genius-cli [--store URL] import [--collection NAME] [--class C] FILE...

Reads PDF (scanned pages by OCR), images, DOCX, ODT, text, Markdown and HTML files,
splits them into passages with page anchors and indexes them on this workstation.
C is the documents&apos; protection class (none, normal, high, very-high; default normal).
--collection assigns the documents to NAME and creates it, capped at C, if missing
(data managers only: exit 4 for staff).
With a gateway configured, passages of documents its embedding model is cleared for
also get vectors; the others are indexed for lexical search only.
Prints each document&apos;s id; progress goes to standard error. A file that cannot be
read is reported and skipped (exit 2); the others are still imported. Ctrl+C stops
(exit 7); running the command again resumes where it stopped.
With a shared store (--store URL or the setting store/url) and --collection, each
imported document is then published into the store&apos;s collection NAME of the
user&apos;s tenant, created with class C when missing: data managers of the store only
(exit 4 for staff, before anything is imported); very-high documents are never
published (exit 3). --store needs --collection.</source>
        <translation>Aufruf: genius-cli [--store URL] import [--collection NAME] [--class C] DATEI...

Liest PDF (gescannte Seiten per Texterkennung), Bilder, DOCX, ODT, Text, Markdown und HTML,
zerlegt sie in Passagen mit Seitenangaben und indexiert sie auf diesem Arbeitsplatz.
C ist der Schutzbedarf der Dokumente (none, normal, high, very-high; Standard normal).
--collection ordnet die Dokumente der Kollektion NAME zu und legt sie, begrenzt auf C, an
(nur für Datenmanager: Exit-Code 4 für Sachbearbeitung).
Ist ein Gateway eingerichtet, erhalten Passagen von Dokumenten, für die sein
Einbettungsmodell freigegeben ist, auch Vektoren; die übrigen sind nur lexikalisch durchsuchbar.
Gibt die ID jedes Dokuments aus; der Fortschritt geht auf die Standardfehlerausgabe. Eine
unlesbare Datei wird gemeldet und übersprungen (Exit-Code 2); die übrigen werden importiert.
Strg+C bricht ab (Exit-Code 7); derselbe Aufruf setzt den Import später fort.
Mit einem gemeinsamen Speicher (--store URL oder Einstellung store/url) und --collection
wird danach jedes importierte Dokument in die Kollektion NAME des eigenen Mandanten im
Speicher veröffentlicht; fehlt sie, wird sie mit Schutzbedarf C angelegt. Nur für
Datenmanager des Speichers (Exit-Code 4 für Sachbearbeitung, bevor etwas importiert wird);
Dokumente mit Schutzbedarf sehr hoch werden nie veröffentlicht (Exit-Code 3).
--store verlangt --collection.</translation>
    </message>
    <message>
        <source>--store publishes into a collection: add --collection NAME.</source>
        <translation>--store veröffentlicht in eine Kollektion: --collection NAME angeben.</translation>
    </message>
    <message>
        <source>Documents of the class very-high never leave this workstation and are not published into the shared store; nothing was imported.</source>
        <translation>Dokumente mit Schutzbedarf sehr hoch verlassen diesen Arbeitsplatz nie und werden nicht im gemeinsamen Speicher veröffentlicht; es wurde nichts importiert.</translation>
    </message>
    <message>
        <source>publish into the shared store</source>
        <translation>im gemeinsamen Speicher veröffentlichen</translation>
    </message>
    <message>
        <source>%1: unchanged in &quot;%2&quot; of the shared store (document %3).</source>
        <translation>%1: unverändert in „%2“ im gemeinsamen Speicher (Dokument %3).</translation>
    </message>
    <message numerus="yes">
        <source>%1: published into &quot;%2&quot; of the shared store (document %3, %n passage(s)).</source>
        <translation>
            <numerusform>%1: in „%2“ im gemeinsamen Speicher veröffentlicht (Dokument %3, %n Passage).</numerusform>
            <numerusform>%1: in „%2“ im gemeinsamen Speicher veröffentlicht (Dokument %3, %n Passagen).</numerusform>
        </translation>
    </message>
    <message>
        <source>import into a collection</source>
        <translation>in eine Kollektion importieren</translation>
    </message>
</context>
<context>
    <name>IntentRouter</name>
    <message>
        <source>No cue for a document, a collection, a summary or a draft was found, so this is a free chat.</source>
        <translation>Kein Hinweis auf ein Dokument, eine Kollektion, eine Zusammenfassung oder einen Entwurf gefunden, daher freier Chat.</translation>
    </message>
    <message>
        <source>The request asks about a concept or about the assistant itself (“%1”), so the free chat answers it.</source>
        <translation>Die Anfrage fragt nach einem Begriff oder nach dem Assistenten selbst („%1“), daher antwortet der freie Chat.</translation>
    </message>
    <message>
        <source>The request is a conversation (“%1”), so this is a free chat.</source>
        <translation>Die Anfrage gehört zu einem Gespräch („%1“), daher freier Chat.</translation>
    </message>
    <message>
        <source>The request asks for a drafted text (“%1”).</source>
        <translation>Die Anfrage verlangt einen Textentwurf („%1“).</translation>
    </message>
    <message>
        <source>The request asks for a draft (“%1”) with the template “%2”.</source>
        <translation>Die Anfrage verlangt einen Entwurf („%1“) mit der Vorlage „%2“.</translation>
    </message>
    <message>
        <source>The request asks for research in the organisation&apos;s documents (“%1”).</source>
        <translation>Die Anfrage verlangt eine Recherche in den Unterlagen der Behörde („%1“).</translation>
    </message>
    <message>
        <source>The request refers to the collection “%1”.</source>
        <translation>Die Anfrage bezieht sich auf die Kollektion „%1“.</translation>
    </message>
    <message>
        <source>The request asks for a summary (“%1”).</source>
        <translation>Die Anfrage verlangt eine Zusammenfassung („%1“).</translation>
    </message>
    <message>
        <source>The request asks for a summary (“%1”) with respect to “%2”.</source>
        <translation>Die Anfrage verlangt eine Zusammenfassung („%1“) im Hinblick auf „%2“.</translation>
    </message>
    <message>
        <source>A document is attached and the request asks about it (“%1”).</source>
        <translation>Ein Dokument ist angehängt und die Anfrage bezieht sich darauf („%1“).</translation>
    </message>
    <message>
        <source>The request refers to a document (“%1”).</source>
        <translation>Die Anfrage bezieht sich auf ein Dokument („%1“).</translation>
    </message>
</context>
<context>
    <name>KeyCommand</name>
    <message>
        <source>Store, check or delete the gateway API key in the keychain</source>
        <translation>Den API-Schlüssel des Gateways im Schlüsselbund speichern, prüfen oder löschen</translation>
    </message>
    <message>
        <source>Usage: genius-cli key status
       genius-cli key set      (reads the key from standard input)
       genius-cli key delete

The key belongs to the gateway of the setting gateway/url or of --endpoint and is
kept in the operating system&apos;s keychain, never in a file. The environment
variable GENIUS_API_KEY, when set, takes precedence for this process.</source>
        <translation>Aufruf: genius-cli key status
        genius-cli key set      (liest den Schlüssel von der Standardeingabe)
        genius-cli key delete

Der Schlüssel gehört zum Gateway der Einstellung gateway/url oder von --endpoint und
wird im Schlüsselbund des Betriebssystems abgelegt, nie in einer Datei. Ist die
Umgebungsvariable GENIUS_API_KEY gesetzt, hat sie für diesen Prozess Vorrang.</translation>
    </message>
    <message>
        <source>Expected &apos;key status&apos;, &apos;key set&apos; or &apos;key delete&apos;. Run &apos;genius-cli key --help&apos;.</source>
        <translation>Erwartet wird „key status“, „key set“ oder „key delete“. Siehe „genius-cli key --help“.</translation>
    </message>
    <message>
        <source>An API key for %1 is available from the %2.</source>
        <translation>Ein API-Schlüssel für %1 ist vorhanden (Quelle: %2).</translation>
    </message>
    <message>
        <source>No API key is stored for %1.</source>
        <translation>Für %1 ist kein API-Schlüssel gespeichert.</translation>
    </message>
    <message>
        <source>API key for %1: </source>
        <translation>API-Schlüssel für %1: </translation>
    </message>
    <message>
        <source>No key was given on standard input; nothing was stored.</source>
        <translation>Auf der Standardeingabe kam kein Schlüssel an; es wurde nichts gespeichert.</translation>
    </message>
    <message>
        <source>The API key for %1 is stored in the keychain.</source>
        <translation>Der API-Schlüssel für %1 ist im Schlüsselbund gespeichert.</translation>
    </message>
    <message>
        <source>No API key for %1 remains in the keychain.</source>
        <translation>Im Schlüsselbund ist kein API-Schlüssel für %1 mehr gespeichert.</translation>
    </message>
</context>
<context>
    <name>ModelsCommand</name>
    <message>
        <source>List the gateway&apos;s models with kind, clearance and location</source>
        <translation>Die Modelle des Gateways mit Art, Freigabe und Standort auflisten</translation>
    </message>
    <message>
        <source>Usage: genius-cli models

Lists the models of the gateway&apos;s catalogue: name, kind (chat or embedding), the
highest protection class it may receive, and where it runs. A model the gateway
reports no clearance for counts as cleared for class none only.</source>
        <translation>Aufruf: genius-cli models

Listet die Modelle aus dem Katalog des Gateways: Name, Art (chat oder embedding), die
höchste Schutzbedarfsklasse, die es erhalten darf, und wo es läuft. Ein Modell ohne
gemeldete Freigabe gilt nur für die Klasse none als freigegeben.</translation>
    </message>
</context>
<context>
    <name>ResearchCommand</name>
    <message>
        <source>Research a collection, with citations across documents</source>
        <translation>In einer Kollektion recherchieren, mit Quellenangaben über Dokumente hinweg</translation>
    </message>
    <message>
        <source>Name the collection with --collection NAME (see &apos;genius-cli collections list&apos;).</source>
        <translation>Nennen Sie die Kollektion mit --collection NAME (siehe &apos;genius-cli collections list&apos;).</translation>
    </message>
    <message>
        <source>No question given. Run &apos;genius-cli research --help&apos;.</source>
        <translation>Keine Frage angegeben. Siehe &apos;genius-cli research --help&apos;.</translation>
    </message>
    <message>
        <source>The collections contain no evidence for this question.</source>
        <translation>Die Kollektionen enthalten keine Belege zu dieser Frage.</translation>
    </message>
    <message>
        <source>Usage: genius-cli research --collection NAME QUESTION...

Answers from the collection&apos;s documents with citations [n] (document and page).
Retrieval never returns passages above the clearance of the model that reads
them. When nothing relevant is found the answer says so plainly and no model is
asked. Without a model that may read the collection the best passages are shown
and nothing is sent (--json: &quot;local&quot;: true). QUESTION &apos;-&apos; reads standard input.
Staff may research only published collections (exit 4 otherwise).</source>
        <translation>Aufruf: genius-cli research --collection NAME FRAGE...

Antwortet aus den Dokumenten der Kollektion mit Quellenangaben [n] (Dokument und
Seite). Die Suche liefert nie Passagen oberhalb der Freigabe des Modells, das sie
liest. Wird nichts Einschlägiges gefunden, sagt die Antwort das deutlich, und kein
Modell wird gefragt. Ohne ein Modell, das die Kollektion lesen darf, werden die
besten Fundstellen gezeigt und nichts gesendet (--json: &quot;local&quot;: true). FRAGE &apos;-&apos;
liest die Standardeingabe.
Die Sachbearbeitung darf nur in veröffentlichten Kollektionen recherchieren (sonst Exit-Code 4).</translation>
    </message>
    <message>
        <source>research the unpublished collection &quot;%1&quot;</source>
        <translation>in der unveröffentlichten Kollektion „%1“ recherchieren</translation>
    </message>
</context>
<context>
    <name>RouteCommand</name>
    <message>
        <source>Show which function the main agent chooses for a request, and why</source>
        <translation>Zeigen, welche Funktion der Hauptagent für eine Anfrage wählt, und warum</translation>
    </message>
    <message>
        <source>Usage: genius-cli route [--document ID] [--local] TEXT...

Recognises chat, ask, research, summarize or generate from the request, an
attached document (--document) and the collections and templates named in it.
Recognition is local; only when it is uncertain and a cleared model is reachable
is the model asked (never with --local). TEXT &apos;-&apos; reads standard input.</source>
        <translation>Aufruf: genius-cli route [--document ID] [--local] TEXT...

Erkennt chat, ask, research, summarize oder generate aus der Anfrage, einem
angehängten Dokument (--document) und den darin genannten Kollektionen und Vorlagen.
Die Erkennung ist lokal; nur wenn sie unsicher ist und ein freigegebenes Modell
erreichbar ist, wird das Modell gefragt (nie mit --local). TEXT &apos;-&apos; liest die
Standardeingabe.</translation>
    </message>
    <message>
        <source>No request given. Run &apos;genius-cli route --help&apos;.</source>
        <translation>Keine Anfrage angegeben. Siehe &apos;genius-cli route --help&apos;.</translation>
    </message>
    <message>
        <source>--document takes a document id (see &apos;genius-cli documents&apos;).</source>
        <translation>--document erwartet eine Dokument-ID (siehe &apos;genius-cli documents&apos;).</translation>
    </message>
</context>
<context>
    <name>RouteService</name>
    <message>
        <source>The model %1 recognised the request as %2.</source>
        <translation>Das Modell %1 hat die Anfrage als %2 erkannt.</translation>
    </message>
</context>
<context>
    <name>SearchCommand</name>
    <message>
        <source>Search the imported documents for passages</source>
        <translation>Die importierten Dokumente nach Passagen durchsuchen</translation>
    </message>
    <message>
        <source>Usage: genius-cli search [--collection NAME] [--document ID] [--top-k N]
                         [--mode lexical|vector|hybrid] QUERY...

Ranked passages with document, page and score. lexical runs entirely on this
workstation (German stemming, compound-friendly matching); vector and hybrid (the
default) send the query text to the gateway&apos;s embedding model. Without a gateway,
hybrid falls back to lexical and says so on standard error.</source>
        <translation>Aufruf: genius-cli search [--collection NAME] [--document ID] [--top-k N]
                         [--mode lexical|vector|hybrid] ANFRAGE...

Passagen nach Relevanz mit Dokument, Seite und Punktzahl. lexical läuft vollständig auf
diesem Arbeitsplatz (deutsche Stammformen, Treffer in Komposita); vector und hybrid (der
Standard) senden den Anfragetext an das Einbettungsmodell des Gateways. Ohne Gateway
weicht hybrid auf lexical aus und meldet das auf der Standardfehlerausgabe.</translation>
    </message>
    <message>
        <source>No query given. Run &apos;genius-cli search --help&apos;.</source>
        <translation>Keine Anfrage angegeben. Siehe &apos;genius-cli search --help&apos;.</translation>
    </message>
    <message>
        <source>Unknown search mode &apos;%1&apos;; use lexical, vector or hybrid.</source>
        <translation>Unbekannte Suchart &apos;%1&apos;; erlaubt sind lexical, vector und hybrid.</translation>
    </message>
    <message>
        <source>--top-k takes a number from 1 to 1000.</source>
        <translation>--top-k erwartet eine Zahl von 1 bis 1000.</translation>
    </message>
    <message>
        <source>There is no document with id %1.</source>
        <translation>Es gibt kein Dokument mit der ID %1.</translation>
    </message>
    <message>
        <source>%1, p. %2</source>
        <translation>%1, S. %2</translation>
    </message>
    <message>
        <source>search the unpublished collection &quot;%1&quot;</source>
        <translation>in der unveröffentlichten Kollektion „%1“ suchen</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>Base URL of the AIaaS gateway (OpenAI-compatible), e.g. https://aiaas.example/v1.</source>
        <translation>Basis-URL des AIaaS-Gateways (OpenAI-kompatibel), z. B. https://aiaas.example/v1.</translation>
    </message>
    <message>
        <source>Kind of gateway: openai, litellm or azure.</source>
        <translation>Art des Gateways: openai, litellm oder azure.</translation>
    </message>
    <message>
        <source>How the API key is sent: an Authorization bearer token or an api-key header.</source>
        <translation>Wie der API-Schlüssel gesendet wird: als Bearer-Token im Authorization-Header oder im Header api-key.</translation>
    </message>
    <message>
        <source>Model used when none is chosen; empty picks the first cleared model.</source>
        <translation>Modell, das ohne eigene Auswahl verwendet wird; leer wählt das erste freigegebene Modell.</translation>
    </message>
    <message>
        <source>Models staff may use; empty allows every model of the catalogue.</source>
        <translation>Modelle, die Beschäftigte verwenden dürfen; leer erlaubt alle Modelle des Katalogs.</translation>
    </message>
    <message>
        <source>Clearance of models the gateway reports nothing about, as model=class.</source>
        <translation>Freigabe von Modellen, zu denen das Gateway nichts meldet, als modell=klasse.</translation>
    </message>
    <message>
        <source>Seconds to wait for the first byte of a gateway answer.</source>
        <translation>Sekunden, die auf das erste Byte einer Gateway-Antwort gewartet wird.</translation>
    </message>
    <message>
        <source>Seconds a streamed answer may stay silent before it counts as cut.</source>
        <translation>Sekunden, die eine gestreamte Antwort stocken darf, bevor sie als abgebrochen gilt.</translation>
    </message>
    <message>
        <source>Proxy: empty for the system proxy, none for a direct connection, or a URL.</source>
        <translation>Proxy: leer für den System-Proxy, none für eine direkte Verbindung oder eine URL.</translation>
    </message>
    <message>
        <source>Extra CA certificate files (PEM) trusted for the gateway and the store.</source>
        <translation>Zusätzliche CA-Zertifikatsdateien (PEM), denen für Gateway und Speicher vertraut wird.</translation>
    </message>
    <message>
        <source>Protection class a new conversation starts with.</source>
        <translation>Schutzbedarfsklasse, mit der eine neue Unterhaltung beginnt.</translation>
    </message>
    <message>
        <source>Days to keep conversations of class none; 0 keeps them.</source>
        <translation>Tage, die Unterhaltungen der Klasse „kein Schutzbedarf“ aufbewahrt werden; 0 bewahrt sie dauerhaft auf.</translation>
    </message>
    <message>
        <source>Days to keep conversations of class normal; 0 keeps them.</source>
        <translation>Tage, die Unterhaltungen der Klasse „normal“ aufbewahrt werden; 0 bewahrt sie dauerhaft auf.</translation>
    </message>
    <message>
        <source>Days to keep conversations of class high; 0 keeps them.</source>
        <translation>Tage, die Unterhaltungen der Klasse „hoch“ aufbewahrt werden; 0 bewahrt sie dauerhaft auf.</translation>
    </message>
    <message>
        <source>Days to keep conversations of class very high; 0 keeps them.</source>
        <translation>Tage, die Unterhaltungen der Klasse „sehr hoch“ aufbewahrt werden; 0 bewahrt sie dauerhaft auf.</translation>
    </message>
    <message>
        <source>What the audit log keeps: metadata only, or the sent content as well.</source>
        <translation>Was das Prüfprotokoll festhält: nur Metadaten oder zusätzlich die gesendeten Inhalte.</translation>
    </message>
    <message>
        <source>Shared collection store (postgresql://…); empty uses the local profile.</source>
        <translation>Gemeinsamer Kollektionsspeicher (postgresql://…); leer verwendet das lokale Profil.</translation>
    </message>
    <message>
        <source>Language of the user interface: empty follows the system, de or en.</source>
        <translation>Sprache der Oberfläche: leer folgt dem System, de oder en.</translation>
    </message>
    <message>
        <source>Embedding model for document search; empty picks the one cleared for the highest class.</source>
        <translation>Einbettungsmodell für die Dokumentsuche; leer wählt das für den höchsten Schutzbedarf freigegebene.</translation>
    </message>
    <message>
        <source>Context window of models in tokens, as model=tokens (* for any model); default 8192.</source>
        <translation>Kontextfenster der Modelle in Token, als Modell=Token (* für jedes Modell); Standard 8192.</translation>
    </message>
    <message>
        <source>Role on this workstation: staff or data-manager. Unset, the user manages the collections of their own profile (data-manager).</source>
        <translation>Rolle an diesem Arbeitsplatz: staff (Sachbearbeitung) oder data-manager (Datenmanagement). Ohne Festlegung verwaltet der Benutzer die Kollektionen seines eigenen Profils (data-manager).</translation>
    </message>
    <message>
        <source>Minutes between the desktop app&apos;s syncs of the shared collections; 0 syncs only at start and on demand.</source>
        <translation>Minuten zwischen den Abgleichen der gemeinsamen Kollektionen in der Desktop-Anwendung; 0 gleicht nur beim Start und auf Wunsch ab.</translation>
    </message>
</context>
<context>
    <name>SettingsCommand</name>
    <message>
        <source>Show or change settings, with what policy enforces</source>
        <translation>Einstellungen zeigen oder ändern, mit den per Richtlinie festgelegten Werten</translation>
    </message>
    <message>
        <source>Usage: genius-cli settings [list]
       genius-cli settings get KEY
       genius-cli settings set KEY VALUE
       genius-cli settings reset KEY

Lists every setting with its value, where the value comes from (default, machine,
user, session, policy) and whether it is locked. Lists are separated by &apos;;&apos;.
Keys set by policy or reserved to administrators cannot be changed.</source>
        <translation>Aufruf: genius-cli settings [list]
        genius-cli settings get SCHLÜSSEL
        genius-cli settings set SCHLÜSSEL WERT
        genius-cli settings reset SCHLÜSSEL

Zeigt jede Einstellung mit ihrem Wert, seiner Herkunft (default, machine, user,
session, policy) und ob sie gesperrt ist. Listen werden mit „;“ getrennt.
Per Richtlinie gesetzte oder der Administration vorbehaltene Einstellungen
lassen sich nicht ändern.</translation>
    </message>
    <message>
        <source>Wrong number of arguments for &apos;settings %1&apos;. Run &apos;genius-cli settings --help&apos;.</source>
        <translation>Falsche Anzahl von Argumenten für „settings %1“. Siehe „genius-cli settings --help“.</translation>
    </message>
    <message>
        <source>Unknown action &apos;%1&apos; for &apos;settings&apos;. Run &apos;genius-cli settings --help&apos;.</source>
        <translation>Unbekannte Aktion „%1“ für „settings“. Siehe „genius-cli settings --help“.</translation>
    </message>
    <message>
        <source> [locked: %1]</source>
        <translation> [gesperrt: %1]</translation>
    </message>
    <message>
        <source>There is no setting named &apos;%1&apos;. Run &apos;genius-cli settings&apos; to list them.</source>
        <translation>Es gibt keine Einstellung „%1“. Mit „genius-cli settings“ werden alle angezeigt.</translation>
    </message>
</context>
<context>
    <name>SharedStoreService</name>
    <message>
        <source>The shared collections are up to date.</source>
        <translation>Die gemeinsamen Kollektionen sind aktuell.</translation>
    </message>
    <message>
        <source>Shared collections synced: %1 added, %2 updated, %3 removed.</source>
        <translation>Gemeinsame Kollektionen abgeglichen: %1 hinzugefügt, %2 aktualisiert, %3 entfernt.</translation>
    </message>
    <message>
        <source>Only data managers of the shared store may publish; %1 is not one.</source>
        <translation>Nur Datenmanager des gemeinsamen Speichers dürfen veröffentlichen; %1 ist keiner.</translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) of &quot;%1&quot; published to the shared store.</source>
        <translation>
            <numerusform>%n Dokument aus „%1“ im gemeinsamen Speicher veröffentlicht.</numerusform>
            <numerusform>%n Dokumente aus „%1“ im gemeinsamen Speicher veröffentlicht.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) of &quot;%1&quot; published to the shared store; %2 were there already.</source>
        <translation>
            <numerusform>%n Dokument aus „%1“ im gemeinsamen Speicher veröffentlicht; %2 waren bereits dort.</numerusform>
            <numerusform>%n Dokumente aus „%1“ im gemeinsamen Speicher veröffentlicht; %2 waren bereits dort.</numerusform>
        </translation>
    </message>
    <message>
        <source>The shared collections could not be synced: %1</source>
        <translation>Die gemeinsamen Kollektionen konnten nicht abgeglichen werden: %1</translation>
    </message>
    <message>
        <source>No shared store is configured.</source>
        <translation>Es ist kein gemeinsamer Speicher eingerichtet.</translation>
    </message>
    <message>
        <source>The shared store cannot be reached: %1</source>
        <translation>Der gemeinsame Speicher ist nicht erreichbar: %1</translation>
    </message>
    <message>
        <source>The shared collection &quot;%1&quot; is now &quot;%2&quot;.</source>
        <translation>Die gemeinsame Kollektion „%1“ heißt jetzt „%2“.</translation>
    </message>
    <message>
        <source>The shared collection &quot;%1&quot; is published.</source>
        <translation>Die gemeinsame Kollektion „%1“ ist veröffentlicht.</translation>
    </message>
    <message>
        <source>The shared collection &quot;%1&quot; is no longer published.</source>
        <translation>Die gemeinsame Kollektion „%1“ ist nicht mehr veröffentlicht.</translation>
    </message>
    <message>
        <source>The shared collection &quot;%1&quot; is deleted; its documents stay in the store.</source>
        <translation>Die gemeinsame Kollektion „%1“ ist gelöscht; ihre Dokumente bleiben im Speicher.</translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) put into the shared collection &quot;%1&quot;.</source>
        <translation>
            <numerusform>%n Dokument in die gemeinsame Kollektion „%1“ aufgenommen.</numerusform>
            <numerusform>%n Dokumente in die gemeinsame Kollektion „%1“ aufgenommen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) taken out of the shared collection &quot;%1&quot;.</source>
        <translation>
            <numerusform>%n Dokument aus der gemeinsamen Kollektion „%1“ herausgenommen.</numerusform>
            <numerusform>%n Dokumente aus der gemeinsamen Kollektion „%1“ herausgenommen.</numerusform>
        </translation>
    </message>
    <message>
        <source>The shared store is still busy with the last action; try again when it is done.</source>
        <translation>Der gemeinsame Speicher ist noch mit der letzten Aktion beschäftigt; versuchen Sie es danach erneut.</translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) withdrawn from the shared store.</source>
        <translation>
            <numerusform>%n Dokument aus dem gemeinsamen Speicher zurückgezogen.</numerusform>
            <numerusform>%n Dokumente aus dem gemeinsamen Speicher zurückgezogen.</numerusform>
        </translation>
    </message>
    <message>
        <source>The shared collection &quot;%1&quot; was saved.</source>
        <translation>Die gemeinsame Kollektion „%1“ wurde gespeichert.</translation>
    </message>
</context>
<context>
    <name>StoreCommand</name>
    <message>
        <source>Set up the shared collection store (PostgreSQL) and grant its users</source>
        <translation>Den gemeinsamen Kollektionsspeicher (PostgreSQL) einrichten und seine Benutzer berechtigen</translation>
    </message>
    <message>
        <source>Wrong number of arguments for &apos;store %1&apos;. Run &apos;genius-cli store --help&apos;.</source>
        <translation>Falsche Anzahl an Argumenten für „store %1“. Siehe „genius-cli store --help“.</translation>
    </message>
    <message>
        <source>--tenant, --role and --password belong to &apos;store grant&apos;.</source>
        <translation>--tenant, --role und --password gehören zu „store grant“.</translation>
    </message>
    <message>
        <source>No shared store is configured: pass --store postgresql://user@host/database or set store/url.</source>
        <translation>Es ist kein gemeinsamer Kollektionsspeicher eingerichtet: Geben Sie --store postgresql://benutzer@host/datenbank an oder setzen Sie store/url.</translation>
    </message>
    <message>
        <source>The shared store is ready: schema version %1.</source>
        <translation>Der gemeinsame Kollektionsspeicher ist bereit: Schemaversion %1.</translation>
    </message>
    <message>
        <source>&apos;store grant&apos; needs --tenant, --role and --password. Run &apos;genius-cli store --help&apos;.</source>
        <translation>„store grant“ braucht --tenant, --role und --password. Siehe „genius-cli store --help“.</translation>
    </message>
    <message>
        <source>Unknown role &apos;%1&apos;; use data-manager or staff.</source>
        <translation>Unbekannte Rolle „%1“; verwenden Sie data-manager oder staff.</translation>
    </message>
    <message>
        <source>Password for %1: </source>
        <translation>Passwort für %1: </translation>
    </message>
    <message>
        <source>User %1 created: tenant &quot;%2&quot;, role %3.</source>
        <translation>Benutzer %1 angelegt: Mandant „%2“, Rolle %3.</translation>
    </message>
    <message>
        <source>User %1 updated: tenant &quot;%2&quot;, role %3, new password.</source>
        <translation>Benutzer %1 geändert: Mandant „%2“, Rolle %3, neues Passwort.</translation>
    </message>
    <message>
        <source>User: %1</source>
        <translation>Benutzer: %1</translation>
    </message>
    <message>
        <source>Tenant: %1</source>
        <translation>Mandant: %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <source>Role: %1</source>
        <translation>Rolle: %1</translation>
    </message>
    <message>
        <source>Schema: not initialised (run &apos;store init&apos;)</source>
        <translation>Schema: nicht eingerichtet („store init“ ausführen)</translation>
    </message>
    <message>
        <source>Schema version: %1</source>
        <translation>Schemaversion: %1</translation>
    </message>
    <message>
        <source>&apos;store login&apos; reads the password from standard input: use --password - or leave the option out.</source>
        <translation>&apos;store login&apos; liest das Passwort von der Standardeingabe: Verwenden Sie --password - oder lassen Sie die Option weg.</translation>
    </message>
    <message>
        <source>No password was given; nothing was stored.</source>
        <translation>Es wurde kein Passwort angegeben; nichts wurde gespeichert.</translation>
    </message>
    <message>
        <source>The password for %1 is stored in the keychain.</source>
        <translation>Das Passwort für %1 ist im Schlüsselbund gespeichert.</translation>
    </message>
    <message>
        <source>The password for %1 was removed from the keychain.</source>
        <translation>Das Passwort für %1 wurde aus dem Schlüsselbund entfernt.</translation>
    </message>
    <message>
        <source>No password for %1 was stored in the keychain; nothing to remove.</source>
        <translation>Für %1 war kein Passwort im Schlüsselbund gespeichert; es gibt nichts zu entfernen.</translation>
    </message>
    <message>
        <source>Usage: genius-cli --store URL store init
       genius-cli --store URL store grant USER --tenant T --role data-manager|staff --password PW
       genius-cli --store URL store status
       genius-cli --store URL store purge [--older-than DAYS]
       genius-cli --store URL store login [--password -]
       genius-cli --store URL store logout

URL is postgresql://user@host:port/database (optionally ?sslmode=verify-full); without
--store the setting store/url is used. The password comes from the URL given with
--store (used for this run, never saved), from the keychain (store login), from
PGPASSWORD or from ~/.pgpass. Without sslmode, a server other than this computer is
reached with verify-full; the CA certificates of network/caCertificates are trusted.

init      as the store&apos;s administrator: create the schema with its roles and
          row-level security, or upgrade it; running it again changes nothing
grant     as the administrator: create the user USER of tenant T (the tenant is
          created when missing) with one role, or change an existing user&apos;s
          password, tenant and role; --password - reads the password from standard input
status    the connected user&apos;s tenant and role, and the schema version
purge     as the administrator: delete for good the tombstones (removed rows kept
          without content) older than DAYS days, 30 by default, 0 for all
login     check the user&apos;s password with the store and keep it in the keychain
          (prompted without echo; --password - reads it from standard input)
logout    remove the user&apos;s password from the keychain

Exit codes: 4 the store refused (not the administrator, no permission),
5 the store is unreachable or refused the login.</source>
        <translation>Aufruf: genius-cli --store URL store init
        genius-cli --store URL store grant BENUTZER --tenant M --role data-manager|staff --password PW
        genius-cli --store URL store status
        genius-cli --store URL store purge [--older-than TAGE]
        genius-cli --store URL store login [--password -]
        genius-cli --store URL store logout

URL ist postgresql://benutzer@host:port/datenbank (wahlweise mit ?sslmode=verify-full);
ohne --store gilt die Einstellung store/url. Das Passwort kommt aus der mit --store
angegebenen URL (nur für diesen Aufruf, nie gespeichert), aus dem Schlüsselbund
(store login), aus PGPASSWORD oder aus ~/.pgpass. Ohne sslmode wird ein anderer Server als
dieser Rechner mit verify-full erreicht; die CA-Zertifikate aus network/caCertificates
gelten als vertrauenswürdig.

init      als Administrator des Speichers: legt das Schema mit seinen Rollen und der
          Zeilensicherheit (Row-Level Security) an oder aktualisiert es; ein erneuter
          Aufruf ändert nichts
grant     als Administrator: legt den Benutzer BENUTZER des Mandanten M (der Mandant wird
          angelegt, wenn er fehlt) mit einer Rolle an oder ändert Passwort, Mandant und
          Rolle eines bestehenden Benutzers; --password - liest das Passwort von der
          Standardeingabe
status    Mandant und Rolle des angemeldeten Benutzers und die Schemaversion
purge     als Administrator: löscht die Löschvermerke (entfernte Zeilen, ohne Inhalt
          aufbewahrt) endgültig, die älter als TAGE Tage sind; ohne Angabe 30, 0 für alle
login     prüft das Passwort des Benutzers beim Speicher und legt es im Schlüsselbund ab
          (Eingabe ohne Anzeige; --password - liest es von der Standardeingabe)
logout    entfernt das Passwort des Benutzers aus dem Schlüsselbund

Exit-Codes: 4 der Speicher hat abgelehnt (nicht der Administrator, keine Berechtigung),
</translation>
    </message>
    <message>
        <source>Expected &apos;store init&apos;, &apos;store grant&apos;, &apos;store status&apos;, &apos;store purge&apos;, &apos;store login&apos; or &apos;store logout&apos;. Run &apos;genius-cli store --help&apos;.</source>
        <translation>Erwartet wird &apos;store init&apos;, &apos;store grant&apos;, &apos;store status&apos;, &apos;store purge&apos;, &apos;store login&apos; oder &apos;store logout&apos;. Siehe &apos;genius-cli store --help&apos;.</translation>
    </message>
    <message>
        <source>--older-than belongs to &apos;store purge&apos;.</source>
        <translation>--older-than gehört zu &apos;store purge&apos;.</translation>
    </message>
    <message>
        <source>--older-than takes a number of days from 0 to 36500.</source>
        <translation>--older-than erwartet eine Anzahl Tage von 0 bis 36500.</translation>
    </message>
    <message numerus="yes">
        <source>%n tombstone(s) older than %1 day(s) deleted from the shared store.</source>
        <translation>
            <numerusform>%n Löschvermerk älter als %1 Tag(e) aus dem gemeinsamen Speicher gelöscht.</numerusform>
            <numerusform>%n Löschvermerke älter als %1 Tag(e) aus dem gemeinsamen Speicher gelöscht.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StoreSession</name>
    <message>
        <source>The shared store is not initialised; its administrator runs &apos;store init&apos; first.</source>
        <translation>Der gemeinsame Speicher ist nicht eingerichtet; seine Administration muss zuerst &apos;store init&apos; ausführen.</translation>
    </message>
    <message>
        <source>The shared store has schema version %1, newer than this genius-cli understands; update it.</source>
        <translation>Der gemeinsame Speicher hat die Schemaversion %1, neuer als dieses genius-cli versteht; bitte aktualisieren.</translation>
    </message>
    <message>
        <source>Only data managers may %1; %2 is staff of &quot;%3&quot; in the shared store.</source>
        <translation>Nur Datenmanager dürfen %1; %2 gehört im gemeinsamen Speicher zur Sachbearbeitung von „%3“.</translation>
    </message>
    <message>
        <source>Only data managers may %1; %2 is no data manager of any tenant of the shared store.</source>
        <translation>Nur Datenmanager dürfen %1; %2 ist im gemeinsamen Speicher für keinen Mandanten Datenmanager.</translation>
    </message>
</context>
<context>
    <name>SummarizeCommand</name>
    <message>
        <source>Summarise a document, a file or text, optionally with respect to an aspect</source>
        <translation>Ein Dokument, eine Datei oder einen Text zusammenfassen, wahlweise im Hinblick auf einen Aspekt</translation>
    </message>
    <message>
        <source>Usage: genius-cli summarize (--document ID | FILE | -) [--aspect TEXT]
                            [--length short|medium|long] [--class C]

Summarises an imported document, a file (read on this workstation, not imported)
or standard input (&apos;-&apos;). Every point cites the pages it rests on as [n]. Texts
longer than the model&apos;s context are summarised part by part, then as a whole.
--class gives the protection class of a file or of standard input (default:
protection/defaultClass). When no model may read the text (very-high, no gateway,
none cleared) an extractive summary is made locally and nothing is sent.</source>
        <translation>Aufruf: genius-cli summarize (--document ID | DATEI | -) [--aspect TEXT]
                             [--length short|medium|long] [--class C]

Fasst ein importiertes Dokument, eine Datei (auf diesem Arbeitsplatz gelesen, nicht
importiert) oder die Standardeingabe (&apos;-&apos;) zusammen. Jeder Punkt belegt die Seiten,
auf denen er beruht, mit [n]. Texte, die länger als der Kontext des Modells sind,
werden abschnittsweise und dann als Ganzes zusammengefasst. --class gibt den
Schutzbedarf einer Datei oder der Standardeingabe an (Standard:
protection/defaultClass). Darf kein Modell den Text lesen (very-high, kein Gateway,
keines freigegeben), entsteht lokal eine extraktive Zusammenfassung und nichts wird gesendet.</translation>
    </message>
    <message>
        <source>Give exactly one of --document ID, FILE or &apos;-&apos;. Run &apos;genius-cli summarize --help&apos;.</source>
        <translation>Geben Sie genau eines an: --document ID, DATEI oder &apos;-&apos;. Siehe &apos;genius-cli summarize --help&apos;.</translation>
    </message>
    <message>
        <source>--document takes a document id (see &apos;genius-cli documents&apos;).</source>
        <translation>--document erwartet eine Dokument-ID (siehe &apos;genius-cli documents&apos;).</translation>
    </message>
    <message>
        <source>standard input</source>
        <translation>Standardeingabe</translation>
    </message>
    <message>
        <source>The file &apos;%1&apos; does not exist.</source>
        <translation>Die Datei &apos;%1&apos; existiert nicht.</translation>
    </message>
    <message>
        <source>Unknown length &apos;%1&apos;; use short, medium or long.</source>
        <translation>Unbekannte Länge &apos;%1&apos;; verwenden Sie short, medium oder long.</translation>
    </message>
    <message>
        <source>The text yields no summary.</source>
        <translation>Der Text ergibt keine Zusammenfassung.</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <source>the text is very-high and never leaves this workstation</source>
        <translation>der Text hat die Klasse sehr hoch und verlässt diesen Arbeitsplatz nie</translation>
    </message>
    <message>
        <source>no gateway is configured</source>
        <translation>es ist kein Gateway eingerichtet</translation>
    </message>
    <message>
        <source>the gateway cannot be reached</source>
        <translation>das Gateway ist nicht erreichbar</translation>
    </message>
    <message>
        <source>no model is cleared for the protection class</source>
        <translation>kein Modell ist für die Schutzbedarfsklasse freigegeben</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <source>The text could not be saved: %1</source>
        <translation>Der Text konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation>Gespeichert unter %1.</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>Ko&amp;pieren</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Sa&amp;ve…</source>
        <translation>&amp;Speichern …</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>%1, p. %2</source>
        <translation>%1, S. %2</translation>
    </message>
</context>
<context>
    <name>SyncCommand</name>
    <message>
        <source>&apos;sync&apos; takes no arguments. Run &apos;genius-cli sync --help&apos;.</source>
        <translation>&apos;sync&apos; nimmt keine Argumente. Siehe &apos;genius-cli sync --help&apos;.</translation>
    </message>
    <message>
        <source>The copy of &quot;%1&quot; is up to date (revision %2).</source>
        <translation>Die Kopie von „%1“ ist aktuell (Revision %2).</translation>
    </message>
    <message numerus="yes">
        <source>Synced &quot;%1&quot; to revision %2: %3 added, %4 updated, %5 removed, %6 unchanged, in %n collection(s).</source>
        <translation>
            <numerusform>„%1“ bis Revision %2 abgeglichen: %3 hinzugefügt, %4 aktualisiert, %5 entfernt, %6 unverändert, in %n Kollektion.</numerusform>
            <numerusform>„%1“ bis Revision %2 abgeglichen: %3 hinzugefügt, %4 aktualisiert, %5 entfernt, %6 unverändert, in %n Kollektionen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Bring the local copy of the shared store&apos;s collections up to date</source>
        <translation>Die lokale Kopie der Kollektionen des gemeinsamen Speichers abgleichen</translation>
    </message>
    <message>
        <source>Usage: genius-cli [--store URL] sync

Copies the collections of the user&apos;s tenant from the shared store (--store or the setting
store/url) into the profile — for staff the published ones, for data managers all of
them: documents with their pages, passages, vectors and original files. Only what
changed since the last sync is read; documents the store withdrew, unpublished or
re-classified are removed or updated here. Search and research then work on the copy,
also offline; the copies are read-only here.

Exit codes: 2 another schema version of the store, 4 the user belongs to no tenant,
5 the store is unreachable or refused the login (the copy stays as it was).</source>
        <translation>Aufruf: genius-cli [--store URL] sync

Kopiert die Kollektionen des Mandanten des Benutzers aus dem gemeinsamen Speicher (--store
oder die Einstellung store/url) in das Profil — für die Sachbearbeitung die veröffentlichten,
für Datenmanager alle: Dokumente mit Seiten, Passagen, Vektoren und Originaldateien. Gelesen
wird nur, was sich seit dem letzten Abgleich geändert hat; Dokumente, die der Speicher
zurückgezogen, nicht mehr veröffentlicht oder neu eingestuft hat, werden hier entfernt oder
aktualisiert. Suche und Recherche arbeiten dann auf der Kopie, auch offline; die Kopien sind
hier schreibgeschützt.

Exit-Codes: 2 eine andere Schemaversion des Speichers, 4 der Benutzer gehört keinem
Mandanten an, 5 der Speicher ist nicht erreichbar oder hat die Anmeldung abgelehnt (die
Kopie bleibt, wie sie war).</translation>
    </message>
</context>
<context>
    <name>SyncSession</name>
    <message>
        <source>Reading the copy of the shared store synced on %1.</source>
        <translation>Gelesen wird die Kopie des gemeinsamen Speichers vom %1.</translation>
    </message>
    <message>
        <source>No copy of the shared store has been synced yet; only local collections are read.</source>
        <translation>Vom gemeinsamen Speicher wurde noch keine Kopie abgeglichen; gelesen werden nur lokale Kollektionen.</translation>
    </message>
</context>
<context>
    <name>TextCommand</name>
    <message>
        <source>Print a document&apos;s extracted text, page by page</source>
        <translation>Den extrahierten Text eines Dokuments seitenweise ausgeben</translation>
    </message>
    <message>
        <source>Usage: genius-cli text --document ID [--page N]

Prints the text extracted from the document (after OCR), pages separated by form
feeds; --page prints one page.</source>
        <translation>Aufruf: genius-cli text --document ID [--page N]

Gibt den aus dem Dokument extrahierten Text (nach der Texterkennung) aus, Seiten durch
Seitenvorschübe getrennt; --page gibt eine Seite aus.</translation>
    </message>
    <message>
        <source>Give the document with --document ID. Run &apos;genius-cli text --help&apos;.</source>
        <translation>Geben Sie das Dokument mit --document ID an. Siehe &apos;genius-cli text --help&apos;.</translation>
    </message>
    <message>
        <source>--page takes a page number from 1.</source>
        <translation>--page erwartet eine Seitenzahl ab 1.</translation>
    </message>
    <message>
        <source>Document %1 has no page %2 (it has %3).</source>
        <translation>Dokument %1 hat keine Seite %2 (es hat %3).</translation>
    </message>
</context>
<context>
    <name>genius::app::Application</name>
    <message>
        <source>NRW.Genius Desktop: generative AI for the public administration, through the AIaaS gateway.</source>
        <translation>NRW.Genius Desktop: generative KI für die öffentliche Verwaltung, über das AIaaS-Gateway.</translation>
    </message>
    <message>
        <source>Use the profile in folder &lt;dir&gt; instead of the default one.</source>
        <translation>Das Profil im Ordner &lt;dir&gt; statt des Standardprofils verwenden.</translation>
    </message>
    <message>
        <source>Open the view &lt;name&gt;: %1.</source>
        <translation>Die Ansicht &lt;name&gt; öffnen: %1.</translation>
    </message>
    <message>
        <source>Unexpected argument &quot;%1&quot;; see --help.</source>
        <translation>Unerwartetes Argument „%1“; siehe --help.</translation>
    </message>
    <message>
        <source>Unknown view &quot;%1&quot;; use one of: %2.</source>
        <translation>Unbekannte Ansicht „%1“; möglich sind: %2.</translation>
    </message>
    <message>
        <source>%1 Continuing without an API key.</source>
        <translation>%1 Es geht ohne API-Schlüssel weiter.</translation>
    </message>
</context>
<context>
    <name>genius::ui::ChatPage</name>
    <message>
        <source>public cloud</source>
        <translation>öffentliche Cloud</translation>
    </message>
    <message>
        <source>sovereign cloud</source>
        <translation>souveräne Cloud</translation>
    </message>
    <message>
        <source>on premises</source>
        <translation>im eigenen Rechenzentrum</translation>
    </message>
    <message>
        <source>unknown location</source>
        <translation>unbekannter Standort</translation>
    </message>
    <message>
        <source>may go to public-cloud models</source>
        <translation>darf an Modelle der öffentlichen Cloud gehen</translation>
    </message>
    <message>
        <source>goes to the sovereign cloud or on-premises models</source>
        <translation>geht an Modelle der souveränen Cloud oder des eigenen Rechenzentrums</translation>
    </message>
    <message>
        <source>goes only to on-premises models</source>
        <translation>geht nur an Modelle im eigenen Rechenzentrum</translation>
    </message>
    <message>
        <source>never leaves this workstation</source>
        <translation>verlässt diesen Arbeitsplatz nie</translation>
    </message>
    <message>
        <source>(The answer was cut off.)</source>
        <translation>(Die Antwort wurde abgeschnitten.)</translation>
    </message>
    <message>
        <source>(No answer: the request failed.)</source>
        <translation>(Keine Antwort: Die Anfrage ist fehlgeschlagen.)</translation>
    </message>
    <message>
        <source>(Stopped.)</source>
        <translation>(Angehalten.)</translation>
    </message>
    <message>
        <source>The model list is not available: %1</source>
        <translation>Die Modellliste ist nicht verfügbar: %1</translation>
    </message>
    <message>
        <source>Search conversations</source>
        <translation>Unterhaltungen durchsuchen</translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation>Suche leeren</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>Unterhaltungen</translation>
    </message>
    <message>
        <source>&amp;New conversation</source>
        <translation>&amp;Neue Unterhaltung</translation>
    </message>
    <message>
        <source>New conversation</source>
        <translation>Neue Unterhaltung</translation>
    </message>
    <message>
        <source>Protection class of the conversation</source>
        <translation>Schutzbedarfsklasse der Unterhaltung</translation>
    </message>
    <message>
        <source>Protection class of the next question</source>
        <translation>Schutzbedarfsklasse der nächsten Frage</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Only models cleared for the conversation&apos;s protection class can be chosen.</source>
        <translation>Nur Modelle, die für die Schutzbedarfsklasse der Unterhaltung freigegeben sind, können gewählt werden.</translation>
    </message>
    <message>
        <source>&amp;Class:</source>
        <translation>&amp;Klasse:</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>&amp;Modell:</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Unterhaltung</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Frage</translation>
    </message>
    <message>
        <source>Ctrl+Return sends the question.</source>
        <translation>Strg+Eingabe sendet die Frage.</translation>
    </message>
    <message>
        <source>Ask a question… (Ctrl+Return sends)</source>
        <translation>Stellen Sie eine Frage … (Strg+Eingabe sendet)</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Senden</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>&amp;Anhalten</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>&amp;Regenerate</source>
        <translation>Neu &amp;erzeugen</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>Neu erzeugen</translation>
    </message>
    <message>
        <source>Answers the last question again; the earlier answer stays.</source>
        <translation>Beantwortet die letzte Frage erneut; die frühere Antwort bleibt erhalten.</translation>
    </message>
    <message>
        <source>&amp;Copy answer</source>
        <translation>Antwort ko&amp;pieren</translation>
    </message>
    <message>
        <source>Copy answer</source>
        <translation>Antwort kopieren</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(ohne Titel)</translation>
    </message>
    <message>
        <source>No gateway is configured: stored conversations can be read, but nothing can be sent. Set the gateway in the settings.</source>
        <translation>Es ist kein Gateway eingerichtet: Gespeicherte Unterhaltungen können gelesen, aber nichts gesendet werden. Legen Sie das Gateway in den Einstellungen fest.</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Sie</translation>
    </message>
    <message>
        <source>Assistant (%1)</source>
        <translation>Assistent (%1)</translation>
    </message>
    <message>
        <source>No gateway is configured: set the gateway in the settings.</source>
        <translation>Es ist kein Gateway eingerichtet: Legen Sie es in den Einstellungen fest.</translation>
    </message>
    <message>
        <source>Answering…</source>
        <translation>Antwort wird geschrieben …</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>Assistent</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>Nicht gesendet: %1</translation>
    </message>
    <message>
        <source>The answer was cut at the token limit.</source>
        <translation>Die Antwort wurde an der Token-Grenze abgeschnitten.</translation>
    </message>
    <message>
        <source>Answer complete.</source>
        <translation>Antwort vollständig.</translation>
    </message>
    <message>
        <source>Tokens: %1 in, %2 out.</source>
        <translation>Token: %1 hinein, %2 heraus.</translation>
    </message>
    <message>
        <source>Stopped; the text so far is kept.</source>
        <translation>Angehalten; der bisherige Text bleibt erhalten.</translation>
    </message>
    <message>
        <source>The answer is on the clipboard.</source>
        <translation>Die Antwort liegt in der Zwischenablage.</translation>
    </message>
    <message>
        <source>Protection class: %1 — this conversation %2.</source>
        <translation>Schutzbedarfsklasse: %1 – diese Unterhaltung %2.</translation>
    </message>
    <message>
        <source>Default model</source>
        <translation>Standardmodell</translation>
    </message>
    <message>
        <source>Default (%1)</source>
        <translation>Standard (%1)</translation>
    </message>
    <message>
        <source>%1 — cleared up to %2, %3</source>
        <translation>%1 – freigegeben bis %2, %3</translation>
    </message>
    <message>
        <source>Not cleared for this protection class.</source>
        <translation>Nicht für diese Schutzbedarfsklasse freigegeben.</translation>
    </message>
    <message>
        <source>E&amp;dit question</source>
        <translation>Frage &amp;bearbeiten</translation>
    </message>
    <message>
        <source>Edit question</source>
        <translation>Frage bearbeiten</translation>
    </message>
    <message>
        <source>Puts the last question into the field; sending it again starts a new branch.</source>
        <translation>Holt die letzte Frage in das Eingabefeld; erneut gesendet beginnt sie einen neuen Zweig.</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>E&amp;xportieren …</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Saves the conversation as Markdown, ODT, DOCX or PDF.</source>
        <translation>Speichert die Unterhaltung als Markdown, ODT, DOCX oder PDF.</translation>
    </message>
    <message>
        <source>Change the question and send it: it starts a new branch; the earlier one is kept.</source>
        <translation>Ändern Sie die Frage und senden Sie sie: Sie beginnt einen neuen Zweig; der frühere bleibt erhalten.</translation>
    </message>
    <message>
        <source>Choose a file ending in .md, .odt, .docx or .pdf.</source>
        <translation>Wählen Sie eine Datei mit der Endung .md, .odt, .docx oder .pdf.</translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation>Exportiert nach %1.</translation>
    </message>
    <message>
        <source>Export conversation</source>
        <translation>Unterhaltung exportieren</translation>
    </message>
    <message>
        <source>Markdown (*.md);;OpenDocument text (*.odt);;Word document (*.docx);;PDF (*.pdf)</source>
        <translation>Markdown (*.md);;OpenDocument-Text (*.odt);;Word-Dokument (*.docx);;PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Suggestion of the assistant</source>
        <translation>Vorschlag des Assistenten</translation>
    </message>
    <message>
        <source>Open the suggested function</source>
        <translation>Vorgeschlagene Funktion öffnen</translation>
    </message>
    <message>
        <source>Ask in the &amp;chat</source>
        <translation>Im &amp;Chat fragen</translation>
    </message>
    <message>
        <source>Ask in the chat</source>
        <translation>Im Chat fragen</translation>
    </message>
    <message>
        <source>This looks like a task for %1: %2</source>
        <translation>Das klingt nach einer Aufgabe für %1: %2</translation>
    </message>
    <message>
        <source>&amp;Open %1</source>
        <translation>%1 ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation>%1 öffnen</translation>
    </message>
    <message>
        <source>The assistant suggests %1; choose where to continue.</source>
        <translation>Der Assistent schlägt %1 vor; wählen Sie, wo es weitergeht.</translation>
    </message>
    <message>
        <source>Where an answer or question has several versions, links beside the speaker switch between them.</source>
        <translation>Wo eine Antwort oder Frage mehrere Fassungen hat, wechseln Links neben dem Namen zwischen ihnen.</translation>
    </message>
    <message>
        <source>Budget of the API key</source>
        <translation>Budget des API-Schlüssels</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Budget: %1 of %2 spent</source>
        <translation>Budget: %1 von %2 verbraucht</translation>
    </message>
    <message>
        <source>Spent: %1</source>
        <translation>Verbraucht: %1</translation>
    </message>
    <message>
        <source>This version cannot be shown: %1</source>
        <translation>Diese Fassung kann nicht angezeigt werden: %1</translation>
    </message>
    <message>
        <source>Showing version %1 of %2; the next question continues from here.</source>
        <translation>Fassung %1 von %2 wird angezeigt; die nächste Frage setzt hier an.</translation>
    </message>
    <message>
        <source>‹ earlier version</source>
        <translation>‹ frühere Fassung</translation>
    </message>
    <message>
        <source>version %1 of %2</source>
        <translation>Fassung %1 von %2</translation>
    </message>
    <message>
        <source>later version ›</source>
        <translation>spätere Fassung ›</translation>
    </message>
</context>
<context>
    <name>genius::ui::CollectionDialog</name>
    <message>
        <source>New collection</source>
        <translation>Neue Kollektion</translation>
    </message>
    <message>
        <source>Collection name</source>
        <translation>Name der Kollektion</translation>
    </message>
    <message>
        <source>Protection class of the collection</source>
        <translation>Schutzbedarfsklasse der Kollektion</translation>
    </message>
    <message>
        <source>Documents of a higher class cannot be assigned to the collection.</source>
        <translation>Dokumente einer höheren Klasse können der Kollektion nicht zugeordnet werden.</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>What the collection holds, shown to staff.</source>
        <translation>Was die Kollektion enthält; wird den Beschäftigten angezeigt.</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Protection class:</source>
        <translation>&amp;Schutzbedarfsklasse:</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Beschreibung:</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Mandant</translation>
    </message>
    <message>
        <source>Authority or office, e.g. Bauamt Musterstadt</source>
        <translation>Behörde oder Dienststelle, z. B. Bauamt Musterstadt</translation>
    </message>
    <message>
        <source>&amp;Tenant:</source>
        <translation>&amp;Mandant:</translation>
    </message>
</context>
<context>
    <name>genius::ui::DataManagerPage</name>
    <message>
        <source>Import documents, set their protection class and assign them to collections by dragging them onto a collection or with the buttons. Ctrl+Z undoes an assignment.</source>
        <translation>Importieren Sie Dokumente, legen Sie ihre Schutzbedarfsklasse fest und ordnen Sie sie Kollektionen zu, indem Sie sie auf eine Kollektion ziehen oder die Schaltflächen verwenden. Strg+Z macht eine Zuordnung rückgängig.</translation>
    </message>
    <message>
        <source>Your role is staff: you see the published collections and their documents. Data managers look after them.</source>
        <translation>Ihre Rolle ist Beschäftigte/r: Sie sehen die veröffentlichten Kollektionen und ihre Dokumente. Gepflegt werden sie von den Datenmanagern.</translation>
    </message>
    <message>
        <source>Result of the last action</source>
        <translation>Ergebnis der letzten Aktion</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Neu laden</translation>
    </message>
    <message>
        <source>Columns of %1</source>
        <translation>Spalten von %1</translation>
    </message>
    <message>
        <source>Rows of %1</source>
        <translation>Zeilen von %1</translation>
    </message>
    <message>
        <source>Select all rows</source>
        <translation>Alle Zeilen auswählen</translation>
    </message>
    <message>
        <source>Collections</source>
        <translation>Kollektionen</translation>
    </message>
    <message>
        <source>Drop documents on a collection to assign them to it.</source>
        <translation>Legen Sie Dokumente auf einer Kollektion ab, um sie ihr zuzuordnen.</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>&amp;Neu…</translation>
    </message>
    <message>
        <source>Creates a collection with a name, a protection class and a description.</source>
        <translation>Legt eine Kollektion mit Name, Schutzbedarfsklasse und Beschreibung an.</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <source>De&amp;lete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Deletes the selected collection; its documents stay.</source>
        <translation>Löscht die ausgewählte Kollektion; ihre Dokumente bleiben erhalten.</translation>
    </message>
    <message>
        <source>&amp;Publish</source>
        <translation>&amp;Veröffentlichen</translation>
    </message>
    <message>
        <source>Makes the selected collection available to staff for research, or takes it back.</source>
        <translation>Stellt die ausgewählte Kollektion den Beschäftigten für die Recherche bereit oder nimmt die Freigabe zurück.</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Dokumente</translation>
    </message>
    <message>
        <source>Search documents by name</source>
        <translation>Dokumente nach Namen suchen</translation>
    </message>
    <message>
        <source>Search by name</source>
        <translation>Nach Namen suchen</translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation>Suche leeren</translation>
    </message>
    <message>
        <source>All documents</source>
        <translation>Alle Dokumente</translation>
    </message>
    <message>
        <source>Drag documents onto a collection to assign them. Drop files here to import them.</source>
        <translation>Ziehen Sie Dokumente auf eine Kollektion, um sie zuzuordnen. Legen Sie Dateien hier ab, um sie zu importieren.</translation>
    </message>
    <message>
        <source>Protection class of imported files</source>
        <translation>Schutzbedarfsklasse importierter Dateien</translation>
    </message>
    <message>
        <source>&amp;Import files…</source>
        <translation>Dateien &amp;importieren…</translation>
    </message>
    <message>
        <source>Imports and preprocesses files with the protection class chosen beside it.</source>
        <translation>Importiert und verarbeitet Dateien mit der daneben gewählten Schutzbedarfsklasse.</translation>
    </message>
    <message>
        <source>&amp;Class:</source>
        <translation>&amp;Klasse:</translation>
    </message>
    <message>
        <source>Assignment</source>
        <translation>Zuordnung</translation>
    </message>
    <message>
        <source>Documents in the selected collection</source>
        <translation>Dokumente der ausgewählten Kollektion</translation>
    </message>
    <message>
        <source>&amp;Assign selected</source>
        <translation>Auswahl &amp;zuordnen</translation>
    </message>
    <message>
        <source>Assigns the documents selected in the document list to the selected collection.</source>
        <translation>Ordnet die in der Dokumentliste ausgewählten Dokumente der ausgewählten Kollektion zu.</translation>
    </message>
    <message>
        <source>&amp;Remove from collection</source>
        <translation>Aus Kollektion &amp;entfernen</translation>
    </message>
    <message>
        <source>Takes the documents selected here out of the collection; they stay imported.</source>
        <translation>Nimmt die hier ausgewählten Dokumente aus der Kollektion; sie bleiben importiert.</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>Undoes the last assignment change.</source>
        <translation>Macht die letzte Änderung einer Zuordnung rückgängig.</translation>
    </message>
    <message>
        <source>Re&amp;do</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>Repeats the undone assignment change.</source>
        <translation>Wiederholt die rückgängig gemachte Änderung der Zuordnung.</translation>
    </message>
    <message>
        <source>Undo: %1</source>
        <translation>Rückgängig: %1</translation>
    </message>
    <message>
        <source>Open assignments</source>
        <translation>Offene Zuordnung</translation>
    </message>
    <message>
        <source>Documents in no collection yet. Enter assigns the selected ones to the selected collection.</source>
        <translation>Dokumente, die noch keiner Kollektion zugeordnet sind. Die Eingabetaste ordnet die ausgewählten der ausgewählten Kollektion zu.</translation>
    </message>
    <message>
        <source>Assign</source>
        <translation>Zuordnen</translation>
    </message>
    <message>
        <source>Assign &amp;to collection</source>
        <translation>Der Kollektion zuor&amp;dnen</translation>
    </message>
    <message>
        <source>Assigns the selected open documents to the selected collection.</source>
        <translation>Ordnet die ausgewählten offenen Dokumente der ausgewählten Kollektion zu.</translation>
    </message>
    <message>
        <source>Upload and preprocessing status</source>
        <translation>Status Upload &amp; Pre-Processing</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Show imports</source>
        <translation>Importe anzeigen</translation>
    </message>
    <message>
        <source>All imports</source>
        <translation>Alle Importe</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>In Bearbeitung</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>Fehlerhaft oder abgebrochen</translation>
    </message>
    <message>
        <source>Imports the selected failed or cancelled documents again.</source>
        <translation>Importiert die ausgewählten fehlgeschlagenen oder abgebrochenen Dokumente erneut.</translation>
    </message>
    <message>
        <source>&amp;Cancel import</source>
        <translation>Import abbre&amp;chen</translation>
    </message>
    <message>
        <source>Stops the import of the selected documents; the pages read so far are kept.</source>
        <translation>Hält den Import der ausgewählten Dokumente an; die bisher gelesenen Seiten bleiben erhalten.</translation>
    </message>
    <message>
        <source>Re&amp;move…</source>
        <translation>Ent&amp;fernen…</translation>
    </message>
    <message>
        <source>Deletes the selected documents from the index; the files stay where they are.</source>
        <translation>Löscht die ausgewählten Dokumente aus dem Index; die Dateien bleiben, wo sie sind.</translation>
    </message>
    <message>
        <source>The index cannot be read: %1</source>
        <translation>Der Index kann nicht gelesen werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) queued for import.</source>
        <translation>
            <numerusform>%n Datei zum Import eingereiht.</numerusform>
            <numerusform>%n Dateien zum Import eingereiht.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not imported: %1</source>
        <translation>Nicht importiert: %1</translation>
    </message>
    <message>
        <source>Import files</source>
        <translation>Dateien importieren</translation>
    </message>
    <message>
        <source>Documents (*.pdf *.docx *.odt *.txt *.md *.html *.htm *.png *.jpg *.jpeg *.tif *.tiff);;All files (*)</source>
        <translation>Dokumente (*.pdf *.docx *.odt *.txt *.md *.html *.htm *.png *.jpg *.jpeg *.tif *.tiff);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Select a collection first.</source>
        <translation>Wählen Sie zuerst eine Kollektion aus.</translation>
    </message>
    <message>
        <source>Select the documents to assign first.</source>
        <translation>Wählen Sie zuerst die zuzuordnenden Dokumente aus.</translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) assigned to &quot;%1&quot;.</source>
        <translation>
            <numerusform>%n Dokument „%1“ zugeordnet.</numerusform>
            <numerusform>%n Dokumente „%1“ zugeordnet.</numerusform>
        </translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>Abgelehnt: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) removed from &quot;%1&quot;.</source>
        <translation>
            <numerusform>%n Dokument aus „%1“ entfernt.</numerusform>
            <numerusform>%n Dokumente aus „%1“ entfernt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Collection &quot;%1&quot; created.</source>
        <translation>Kollektion „%1“ angelegt.</translation>
    </message>
    <message>
        <source>Edit collection</source>
        <translation>Kollektion bearbeiten</translation>
    </message>
    <message>
        <source>Collection &quot;%1&quot; saved.</source>
        <translation>Kollektion „%1“ gespeichert.</translation>
    </message>
    <message>
        <source>Delete collection</source>
        <translation>Kollektion löschen</translation>
    </message>
    <message>
        <source>Delete the collection &quot;%1&quot;? Its documents stay imported and can be assigned again.</source>
        <translation>Die Kollektion „%1“ löschen? Ihre Dokumente bleiben importiert und können erneut zugeordnet werden.</translation>
    </message>
    <message>
        <source>Collection &quot;%1&quot; deleted.</source>
        <translation>Kollektion „%1“ gelöscht.</translation>
    </message>
    <message>
        <source>Collection &quot;%1&quot; is published for research.</source>
        <translation>Kollektion „%1“ ist für die Recherche veröffentlicht.</translation>
    </message>
    <message>
        <source>Collection &quot;%1&quot; is no longer published.</source>
        <translation>Kollektion „%1“ ist nicht mehr veröffentlicht.</translation>
    </message>
    <message>
        <source>Import started again.</source>
        <translation>Import erneut gestartet.</translation>
    </message>
    <message>
        <source>Remove documents</source>
        <translation>Dokumente entfernen</translation>
    </message>
    <message numerus="yes">
        <source>Remove %n document(s) from the index? Their passages leave every collection; the files themselves stay where they are.</source>
        <translation>
            <numerusform>%n Dokument aus dem Index entfernen? Seine Textstellen verschwinden aus allen Kollektionen; die Datei selbst bleibt, wo sie ist.</numerusform>
            <numerusform>%n Dokumente aus dem Index entfernen? Ihre Textstellen verschwinden aus allen Kollektionen; die Dateien selbst bleiben, wo sie sind.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) removed.</source>
        <translation>
            <numerusform>%n Dokument entfernt.</numerusform>
            <numerusform>%n Dokumente entfernt.</numerusform>
        </translation>
    </message>
    <message>
        <source>No collection yet: create one with New.</source>
        <translation>Noch keine Kollektion: Legen Sie eine mit „Neu“ an.</translation>
    </message>
    <message>
        <source>No collection is published yet.</source>
        <translation>Es ist noch keine Kollektion veröffentlicht.</translation>
    </message>
    <message>
        <source>Select a collection to see its documents.</source>
        <translation>Wählen Sie eine Kollektion, um ihre Dokumente zu sehen.</translation>
    </message>
    <message>
        <source>Documents in &quot;%1&quot;</source>
        <translation>Dokumente in „%1“</translation>
    </message>
    <message>
        <source>Class: %1 · %2</source>
        <translation>Klasse: %1 · %2</translation>
    </message>
    <message>
        <source>published</source>
        <translation>veröffentlicht</translation>
    </message>
    <message>
        <source>not published</source>
        <translation>nicht veröffentlicht</translation>
    </message>
    <message>
        <source>Un&amp;publish</source>
        <translation>Veröffentlichung &amp;aufheben</translation>
    </message>
    <message>
        <source>Retr&amp;y</source>
        <translation>Erneut versuc&amp;hen</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>Anzei&amp;gen:</translation>
    </message>
    <message>
        <source>Renames the selected collection or changes its description and tenant.</source>
        <translation>Benennt die ausgewählte Kollektion um oder ändert ihre Beschreibung und ihren Mandanten.</translation>
    </message>
    <message>
        <source>copy from the shared store, read-only here</source>
        <translation>Kopie aus dem gemeinsamen Speicher, hier schreibgeschützt</translation>
    </message>
    <message>
        <source>copy from the shared store; changes go to the store</source>
        <translation>Kopie aus dem gemeinsamen Speicher; Änderungen gehen an den Speicher</translation>
    </message>
    <message>
        <source>Documents from the shared store are removed there, by its data managers.</source>
        <translation>Dokumente aus dem gemeinsamen Speicher werden dort entfernt, von seinen Datenmanagern.</translation>
    </message>
    <message>
        <source>Withdraw from the shared store</source>
        <translation>Aus dem gemeinsamen Speicher zurückziehen</translation>
    </message>
    <message numerus="yes">
        <source>Withdraw %n document(s) from the shared store? They leave all its collections, and every workstation of the authority drops its copy at its next sync.</source>
        <translation>
            <numerusform>%n Dokument aus dem gemeinsamen Speicher zurückziehen? Es verlässt alle seine Kollektionen, und jeder Arbeitsplatz der Behörde entfernt seine Kopie beim nächsten Abgleich.</numerusform>
            <numerusform>%n Dokumente aus dem gemeinsamen Speicher zurückziehen? Sie verlassen alle seine Kollektionen, und jeder Arbeitsplatz der Behörde entfernt seine Kopie beim nächsten Abgleich.</numerusform>
        </translation>
    </message>
    <message>
        <source>Edit shared collection</source>
        <translation>Gemeinsame Kollektion bearbeiten</translation>
    </message>
</context>
<context>
    <name>genius::ui::FunctionPage</name>
    <message>
        <source>This function is not yet available in this version.</source>
        <translation>Diese Funktion ist in dieser Version noch nicht verfügbar.</translation>
    </message>
</context>
<context>
    <name>genius::ui::GatewaySetupDialog</name>
    <message>
        <source>Please check the entry: %1</source>
        <translation>Bitte prüfen Sie die Eingabe: %1</translation>
    </message>
    <message>
        <source>The gateway did not accept the API key.</source>
        <translation>Das Gateway hat den API-Schlüssel nicht angenommen.</translation>
    </message>
    <message>
        <source>The gateway refused access with this key.</source>
        <translation>Das Gateway verweigert mit diesem Schlüssel den Zugriff.</translation>
    </message>
    <message>
        <source>No gateway answers at this address; check the path (often ending in /v1).</source>
        <translation>Unter dieser Adresse antwortet kein Gateway; prüfen Sie den Pfad (oft endet er auf /v1).</translation>
    </message>
    <message>
        <source>The gateway cannot be reached (address, proxy or certificate): %1</source>
        <translation>Das Gateway ist nicht erreichbar (Adresse, Proxy oder Zertifikat): %1</translation>
    </message>
    <message>
        <source>The gateway did not answer in time.</source>
        <translation>Das Gateway hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <source>The gateway answered with an error: %1</source>
        <translation>Das Gateway hat mit einem Fehler geantwortet: %1</translation>
    </message>
    <message>
        <source>Set by your administrator (policy).</source>
        <translation>Von Ihrer Administration festgelegt (Richtlinie).</translation>
    </message>
    <message>
        <source>Only your administrator can change this.</source>
        <translation>Nur Ihre Administration kann dies ändern.</translation>
    </message>
    <message>
        <source>Connect to the AIaaS gateway</source>
        <translation>Mit dem AIaaS-Gateway verbinden</translation>
    </message>
    <message>
        <source>Enter the address of your authority&apos;s AIaaS gateway and your personal API key; your IT department provides both. The key is kept in the keychain of your operating system, never in a file.</source>
        <translation>Geben Sie die Adresse des AIaaS-Gateways Ihrer Behörde und Ihren persönlichen API-Schlüssel ein; beides erhalten Sie von Ihrer IT-Abteilung. Der Schlüssel wird im Schlüsselbund Ihres Betriebssystems aufbewahrt, nie in einer Datei.</translation>
    </message>
    <message>
        <source>Gateway address</source>
        <translation>Gateway-Adresse</translation>
    </message>
    <message>
        <source>Gateway address: %1</source>
        <translation>Gateway-Adresse: %1</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>Leave empty to keep the stored key</source>
        <translation>Leer lassen, um den gespeicherten Schlüssel zu behalten</translation>
    </message>
    <message>
        <source>Proxy</source>
        <translation>Proxy</translation>
    </message>
    <message>
        <source>System proxy</source>
        <translation>System-Proxy</translation>
    </message>
    <message>
        <source>Direct connection</source>
        <translation>Direkte Verbindung</translation>
    </message>
    <message>
        <source>Proxy server</source>
        <translation>Proxy-Server</translation>
    </message>
    <message>
        <source>Proxy server address</source>
        <translation>Adresse des Proxy-Servers</translation>
    </message>
    <message>
        <source>Proxy: %1</source>
        <translation>Proxy: %1</translation>
    </message>
    <message>
        <source>Default model</source>
        <translation>Standardmodell</translation>
    </message>
    <message>
        <source>Offered once the connection has been checked.</source>
        <translation>Wird angeboten, sobald die Verbindung geprüft ist.</translation>
    </message>
    <message>
        <source>Default model: %1</source>
        <translation>Standardmodell: %1</translation>
    </message>
    <message>
        <source>Connection status</source>
        <translation>Verbindungsstatus</translation>
    </message>
    <message>
        <source>C&amp;heck connection</source>
        <translation>Verbindung &amp;prüfen</translation>
    </message>
    <message>
        <source>Check connection</source>
        <translation>Verbindung prüfen</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>&amp;Work without gateway</source>
        <translation>&amp;Ohne Gateway arbeiten</translation>
    </message>
    <message>
        <source>Work without gateway</source>
        <translation>Ohne Gateway arbeiten</translation>
    </message>
    <message>
        <source>Only the functions that run on this workstation are available.</source>
        <translation>Es stehen nur die Funktionen zur Verfügung, die auf diesem Arbeitsplatz laufen.</translation>
    </message>
    <message>
        <source>Gateway &amp;address:</source>
        <translation>Gateway-&amp;Adresse:</translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation>API-Sch&amp;lüssel:</translation>
    </message>
    <message>
        <source>&amp;Proxy:</source>
        <translation>Pro&amp;xy:</translation>
    </message>
    <message>
        <source>Default &amp;model:</source>
        <translation>Standard&amp;modell:</translation>
    </message>
    <message>
        <source>Asking the gateway for its models…</source>
        <translation>Das Gateway wird nach seinen Modellen gefragt …</translation>
    </message>
    <message numerus="yes">
        <source>Connected: the gateway offers %n chat model(s).</source>
        <translation>
            <numerusform>Verbunden: Das Gateway bietet %n Chat-Modell an.</numerusform>
            <numerusform>Verbunden: Das Gateway bietet %n Chat-Modelle an.</numerusform>
        </translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert …</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
</context>
<context>
    <name>genius::ui::GenerationPage</name>
    <message>
        <source>Template</source>
        <translation>Vorlage</translation>
    </message>
    <message>
        <source>Tone</source>
        <translation>Tonalität</translation>
    </message>
    <message>
        <source>Formal</source>
        <translation>Förmlich</translation>
    </message>
    <message>
        <source>Citizen-friendly</source>
        <translation>Bürgernah</translation>
    </message>
    <message>
        <source>Bullet points</source>
        <translation>Stichpunkte</translation>
    </message>
    <message>
        <source>Bullet points or notes the draft is to contain.</source>
        <translation>Stichpunkte oder Notizen, die der Entwurf enthalten soll.</translation>
    </message>
    <message>
        <source>Protection class of the bullet points</source>
        <translation>Schutzbedarfsklasse der Stichpunkte</translation>
    </message>
    <message>
        <source>Document the draft draws on</source>
        <translation>Dokument, auf dem der Entwurf beruht</translation>
    </message>
    <message>
        <source>&amp;Draft</source>
        <translation>&amp;Entwerfen</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Entwerfen</translation>
    </message>
    <message>
        <source>Draft text</source>
        <translation>Entwurf</translation>
    </message>
    <message>
        <source>The draft can be edited before it is copied or saved.</source>
        <translation>Der Entwurf kann vor dem Kopieren oder Speichern bearbeitet werden.</translation>
    </message>
    <message>
        <source>Save draft</source>
        <translation>Entwurf speichern</translation>
    </message>
    <message>
        <source>&amp;Template:</source>
        <translation>&amp;Vorlage:</translation>
    </message>
    <message>
        <source>T&amp;one:</source>
        <translation>&amp;Tonalität:</translation>
    </message>
    <message>
        <source>&amp;Bullet points:</source>
        <translation>St&amp;ichpunkte:</translation>
    </message>
    <message>
        <source>C&amp;lass of the bullet points:</source>
        <translation>&amp;Klasse der Stichpunkte:</translation>
    </message>
    <message>
        <source>D&amp;ocument:</source>
        <translation>&amp;Dokument:</translation>
    </message>
    <message>
        <source>No document</source>
        <translation>Kein Dokument</translation>
    </message>
    <message>
        <source>Write bullet points or choose a document first.</source>
        <translation>Schreiben Sie zuerst Stichpunkte oder wählen Sie ein Dokument.</translation>
    </message>
    <message>
        <source>Drafting…</source>
        <translation>Wird entworfen …</translation>
    </message>
    <message>
        <source>Drafted by %1.</source>
        <translation>Entworfen von %1.</translation>
    </message>
    <message>
        <source>No draft: %1</source>
        <translation>Kein Entwurf: %1</translation>
    </message>
</context>
<context>
    <name>genius::ui::MainWindow</name>
    <message>
        <source>Views</source>
        <translation>Ansichten</translation>
    </message>
    <message>
        <source>Choose a function. Ctrl+1 to Ctrl+7 open the views directly.</source>
        <translation>Funktion wählen. Strg+1 bis Strg+7 öffnen die Ansichten direkt.</translation>
    </message>
    <message>
        <source>Talk freely with a language model of the AIaaS gateway. Answers appear while they are written; you can stop an answer, have it written again, or edit and resend a question. Conversations are kept, so that you can search, copy and export them.</source>
        <translation>Freie Unterhaltung mit einem Sprachmodell des AIaaS-Gateways. Antworten erscheinen, während sie entstehen; eine Antwort lässt sich anhalten oder neu schreiben, eine Frage bearbeiten und erneut senden. Unterhaltungen bleiben erhalten und lassen sich durchsuchen, kopieren und exportieren.</translation>
    </message>
    <message>
        <source>Ask questions about one or more of your own documents. Answers name the document and page they rely on, and a citation opens the document at the quoted passage.</source>
        <translation>Fragen an ein oder mehrere eigene Dokumente stellen. Antworten nennen Dokument und Seite, auf die sie sich stützen, und ein Quellenverweis öffnet das Dokument an der zitierten Stelle.</translation>
    </message>
    <message>
        <source>Get answers from the document collections that the data managers of your authority provide, with citations across documents. When the collections hold no evidence, the answer says so plainly.</source>
        <translation>Antworten aus den Kollektionen, die das Datenmanagement Ihrer Dienststelle bereitstellt, mit Quellenverweisen über Dokumente hinweg. Finden sich in den Kollektionen keine Belege, sagt die Antwort das klar.</translation>
    </message>
    <message>
        <source>Summarise long documents or pasted text in a short, medium or long version, optionally with respect to one aspect. Statements in the summary point to the pages they come from.</source>
        <translation>Lange Dokumente oder eingefügten Text kurz, mittel oder ausführlich zusammenfassen, auf Wunsch im Hinblick auf einen Aspekt. Aussagen der Zusammenfassung verweisen auf die Seiten, aus denen sie stammen.</translation>
    </message>
    <message>
        <source>Draft texts such as a reply to a citizen&apos;s enquiry, minutes or a memo from bullet points or documents, in a formal or citizen-friendly tone, based on templates you can edit.</source>
        <translation>Texte wie die Antwort auf eine Bürgeranfrage, ein Protokoll oder einen Vermerk aus Stichpunkten oder Dokumenten entwerfen, förmlich oder bürgernah, auf Grundlage bearbeitbarer Vorlagen.</translation>
    </message>
    <message>
        <source>For data managers: look after the document collections of your authority. Upload and preprocess documents, set their protection class, assign them to collections and follow the progress of uploads and preprocessing.</source>
        <translation>Für das Datenmanagement: die Kollektionen Ihrer Dienststelle pflegen. Dokumente hochladen und vorverarbeiten, ihre Schutzbedarfsklasse festlegen, sie Kollektionen zuordnen und den Fortschritt von Upload und Vorverarbeitung verfolgen.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>More menus</source>
        <translation>Weitere Menüs</translation>
    </message>
    <message>
        <source>Profile: %1</source>
        <translation>Profil: %1</translation>
    </message>
    <message>
        <source>No gateway configured: only local functions are available.</source>
        <translation>Kein Gateway eingerichtet: nur lokale Funktionen sind verfügbar.</translation>
    </message>
    <message>
        <source>Gateway: %1</source>
        <translation>Gateway: %1</translation>
    </message>
    <message>
        <source>&amp;Connect to the gateway…</source>
        <translation>Mit dem &amp;Gateway verbinden …</translation>
    </message>
</context>
<context>
    <name>genius::ui::ProgressBarDelegate</name>
    <message>
        <source>%1 / %2 pages</source>
        <translation>%1 / %2 Seiten</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
</context>
<context>
    <name>genius::ui::QuestionPage</name>
    <message>
        <source>&amp;Collections to search:</source>
        <translation>Zu durchsuchende &amp;Kollektionen:</translation>
    </message>
    <message>
        <source>&amp;Documents to ask:</source>
        <translation>Zu befragende &amp;Dokumente:</translation>
    </message>
    <message>
        <source>Collections to search</source>
        <translation>Zu durchsuchende Kollektionen</translation>
    </message>
    <message>
        <source>Documents to ask</source>
        <translation>Zu befragende Dokumente</translation>
    </message>
    <message>
        <source>Space ticks or unticks the selected entry.</source>
        <translation>Die Leertaste hakt den gewählten Eintrag an oder ab.</translation>
    </message>
    <message>
        <source>&amp;Question:</source>
        <translation>&amp;Frage:</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Frage</translation>
    </message>
    <message>
        <source>&amp;Ask</source>
        <translation>F&amp;ragen</translation>
    </message>
    <message>
        <source>Ask</source>
        <translation>Fragen</translation>
    </message>
    <message>
        <source>Answer with sources</source>
        <translation>Antwort mit Quellen</translation>
    </message>
    <message>
        <source>Tick at least one collection and write a question.</source>
        <translation>Haken Sie mindestens eine Kollektion an und schreiben Sie eine Frage.</translation>
    </message>
    <message>
        <source>Tick at least one document and write a question.</source>
        <translation>Haken Sie mindestens ein Dokument an und schreiben Sie eine Frage.</translation>
    </message>
    <message>
        <source>Looking for the answer…</source>
        <translation>Die Antwort wird gesucht …</translation>
    </message>
    <message>
        <source>No answer: %1</source>
        <translation>Keine Antwort: %1</translation>
    </message>
    <message>
        <source>The collections hold no evidence for this question; no model was asked.</source>
        <translation>Die Kollektionen enthalten keine Belege für diese Frage; es wurde kein Modell gefragt.</translation>
    </message>
    <message>
        <source>Answered on this workstation with the best passages: %1.</source>
        <translation>Auf diesem Arbeitsplatz mit den besten Textstellen beantwortet: %1.</translation>
    </message>
    <message>
        <source>Answered by %1.</source>
        <translation>Beantwortet von %1.</translation>
    </message>
    <message>
        <source>Protection class of attached files</source>
        <translation>Schutzbedarfsklasse angehängter Dateien</translation>
    </message>
    <message>
        <source>A&amp;ttach files…</source>
        <translation>Dateien &amp;anhängen …</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Dateien anhängen</translation>
    </message>
    <message>
        <source>Imports files on this workstation; they are ticked once they are ready. Files can also be dropped on the list.</source>
        <translation>Importiert Dateien auf diesem Arbeitsplatz; sie werden angehakt, sobald sie bereit sind. Dateien können auch auf der Liste abgelegt werden.</translation>
    </message>
    <message>
        <source>Not attached: %1</source>
        <translation>Nicht angehängt: %1</translation>
    </message>
    <message>
        <source>%1 (%2 %)</source>
        <translation>%1 (%2 %)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>The attached documents are ready.</source>
        <translation>Die angehängten Dokumente sind bereit.</translation>
    </message>
    <message>
        <source>Importing: %1</source>
        <translation>Wird importiert: %1</translation>
    </message>
    <message>
        <source>Citation numbers and source names are links: Tab reaches them, Enter opens the cited page with the passage marked.</source>
        <translation>Belegnummern und Quellennamen sind Links: Mit Tab erreichen Sie sie, Enter öffnet die zitierte Seite mit markierter Textstelle.</translation>
    </message>
</context>
<context>
    <name>genius::ui::SettingPresentation</name>
    <message>
        <source>Gateway URL</source>
        <translation>Gateway-URL</translation>
    </message>
    <message>
        <source>Gateway kind</source>
        <translation>Art des Gateways</translation>
    </message>
    <message>
        <source>API key header</source>
        <translation>Header für den API-Schlüssel</translation>
    </message>
    <message>
        <source>Default model</source>
        <translation>Standardmodell</translation>
    </message>
    <message>
        <source>Allowed models</source>
        <translation>Erlaubte Modelle</translation>
    </message>
    <message>
        <source>Model clearances</source>
        <translation>Modellfreigaben</translation>
    </message>
    <message>
        <source>First answer timeout (seconds)</source>
        <translation>Wartezeit auf die erste Antwort (Sekunden)</translation>
    </message>
    <message>
        <source>Idle timeout (seconds)</source>
        <translation>Wartezeit bei stockender Antwort (Sekunden)</translation>
    </message>
    <message>
        <source>Proxy</source>
        <translation>Proxy</translation>
    </message>
    <message>
        <source>Extra CA certificates</source>
        <translation>Zusätzliche CA-Zertifikate</translation>
    </message>
    <message>
        <source>Default protection class</source>
        <translation>Standard-Schutzbedarfsklasse</translation>
    </message>
    <message>
        <source>Keep class none (days)</source>
        <translation>Aufbewahrung Klasse „kein Schutzbedarf“ (Tage)</translation>
    </message>
    <message>
        <source>Keep class normal (days)</source>
        <translation>Aufbewahrung Klasse „normal“ (Tage)</translation>
    </message>
    <message>
        <source>Keep class high (days)</source>
        <translation>Aufbewahrung Klasse „hoch“ (Tage)</translation>
    </message>
    <message>
        <source>Keep class very high (days)</source>
        <translation>Aufbewahrung Klasse „sehr hoch“ (Tage)</translation>
    </message>
    <message>
        <source>Audit log content</source>
        <translation>Inhalt des Prüfprotokolls</translation>
    </message>
    <message>
        <source>Shared collection store</source>
        <translation>Gemeinsamer Kollektionsspeicher</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Gateway</source>
        <translation>Gateway</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Netzwerk</translation>
    </message>
    <message>
        <source>Protection class</source>
        <translation>Schutzbedarfsklasse</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>Aufbewahrung</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Prüfprotokoll</translation>
    </message>
    <message>
        <source>Collection store</source>
        <translation>Kollektionsspeicher</translation>
    </message>
    <message>
        <source>User interface</source>
        <translation>Oberfläche</translation>
    </message>
    <message>
        <source>none (no protection need)</source>
        <translation>kein Schutzbedarf</translation>
    </message>
    <message>
        <source>normal</source>
        <translation>normal</translation>
    </message>
    <message>
        <source>high</source>
        <translation>hoch</translation>
    </message>
    <message>
        <source>very high</source>
        <translation>sehr hoch</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>Embedding model</source>
        <translation>Einbettungsmodell</translation>
    </message>
    <message>
        <source>Context windows</source>
        <translation>Kontextfenster</translation>
    </message>
    <message>
        <source>Sync interval of shared collections (minutes)</source>
        <translation>Abgleichsintervall gemeinsamer Kollektionen (Minuten)</translation>
    </message>
</context>
<context>
    <name>genius::ui::SettingRow</name>
    <message>
        <source>Set by your administrator (policy).</source>
        <translation>Von Ihrer Administration festgelegt (Richtlinie).</translation>
    </message>
    <message>
        <source>Only an administrator can change this.</source>
        <translation>Nur die Administration kann dies ändern.</translation>
    </message>
    <message>
        <source>Separate several entries with ;</source>
        <translation>Mehrere Einträge mit ; trennen</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
</context>
<context>
    <name>genius::ui::SettingsPage</name>
    <message>
        <source>Changes are saved when you select Apply. Settings that your administrator manages are shown but cannot be changed here.</source>
        <translation>Änderungen werden mit „Übernehmen“ gespeichert. Von Ihrer Administration verwaltete Einstellungen werden angezeigt, lassen sich hier aber nicht ändern.</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>Ü&amp;bernehmen</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Übernehmen</translation>
    </message>
    <message>
        <source>Saves every changed setting.</source>
        <translation>Speichert alle geänderten Einstellungen.</translation>
    </message>
    <message>
        <source>&amp;Discard changes</source>
        <translation>Änderungen &amp;verwerfen</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>Änderungen verwerfen</translation>
    </message>
    <message>
        <source>Shows the saved values again.</source>
        <translation>Zeigt wieder die gespeicherten Werte.</translation>
    </message>
    <message>
        <source>Some settings could not be loaded:</source>
        <translation>Einige Einstellungen konnten nicht geladen werden:</translation>
    </message>
    <message>
        <source>Some changes were not saved; see the messages next to the fields.</source>
        <translation>Einige Änderungen wurden nicht gespeichert; siehe die Hinweise neben den Feldern.</translation>
    </message>
    <message>
        <source>There are no changes to apply.</source>
        <translation>Es gibt keine Änderungen zu übernehmen.</translation>
    </message>
    <message>
        <source>Your changes were saved. The new language is used from the next start.</source>
        <translation>Ihre Änderungen wurden gespeichert. Die neue Sprache gilt ab dem nächsten Start.</translation>
    </message>
    <message>
        <source>Your changes were saved.</source>
        <translation>Ihre Änderungen wurden gespeichert.</translation>
    </message>
</context>
<context>
    <name>genius::ui::SharedStoreBar</name>
    <message>
        <source>S&amp;ync shared collections</source>
        <translation>Ge&amp;meinsame Kollektionen abgleichen</translation>
    </message>
    <message>
        <source>Sync shared collections</source>
        <translation>Gemeinsame Kollektionen abgleichen</translation>
    </message>
    <message>
        <source>Copies the published collections of your authority from the shared store; search then works on the copy, also offline.</source>
        <translation>Kopiert die veröffentlichten Kollektionen Ihrer Behörde aus dem gemeinsamen Speicher; die Suche arbeitet dann auf der Kopie, auch offline.</translation>
    </message>
    <message>
        <source>Publish to &amp;shared store</source>
        <translation>Im gemeinsamen &amp;Speicher veröffentlichen</translation>
    </message>
    <message>
        <source>Publish to shared store</source>
        <translation>Im gemeinsamen Speicher veröffentlichen</translation>
    </message>
    <message>
        <source>Publishes the ready documents of the selected collection into the shared store, for the staff of your authority.</source>
        <translation>Veröffentlicht die fertigen Dokumente der gewählten Kollektion im gemeinsamen Speicher, für die Sachbearbeitung Ihrer Behörde.</translation>
    </message>
</context>
<context>
    <name>genius::ui::SourceWindow</name>
    <message>
        <source>The source cannot be shown: %1</source>
        <translation>Die Quelle kann nicht angezeigt werden: %1</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Page of the original document</source>
        <translation>Seite des Originaldokuments</translation>
    </message>
    <message>
        <source>The cited passage is marked with a frame.</source>
        <translation>Die zitierte Textstelle ist mit einem Rahmen markiert.</translation>
    </message>
    <message>
        <source>Text of the document</source>
        <translation>Text des Dokuments</translation>
    </message>
    <message>
        <source>The cited passage is selected and underlined.</source>
        <translation>Die zitierte Textstelle ist ausgewählt und unterstrichen.</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>Vorherige Seite</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>Nächste Seite</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>Seite</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Verkleinern</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Vergrößern</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>An Breite anpassen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Close the source</source>
        <translation>Quelle schließen</translation>
    </message>
    <message>
        <source>The original file has changed since the import; showing the text stored then.</source>
        <translation>Die Originaldatei wurde seit dem Import geändert; angezeigt wird der damals gespeicherte Text.</translation>
    </message>
    <message>
        <source>The original file is no longer at %1; showing the text stored at the import.</source>
        <translation>Die Originaldatei liegt nicht mehr unter %1; angezeigt wird der beim Import gespeicherte Text.</translation>
    </message>
    <message>
        <source>The quoted passage was not found in the stored text.</source>
        <translation>Die zitierte Textstelle wurde im gespeicherten Text nicht gefunden.</translation>
    </message>
    <message>
        <source>%1, page %2</source>
        <translation>%1, Seite %2</translation>
    </message>
    <message>
        <source>Source: %1</source>
        <translation>Quelle: %1</translation>
    </message>
    <message>
        <source>of %1</source>
        <translation>von %1</translation>
    </message>
    <message>
        <source>Page %1</source>
        <translation>Seite %1</translation>
    </message>
    <message>
        <source>Page %1 of %2 of the original document</source>
        <translation>Seite %1 von %2 des Originaldokuments</translation>
    </message>
</context>
<context>
    <name>genius::ui::SummaryPage</name>
    <message>
        <source>What to summarise</source>
        <translation>Was zusammengefasst wird</translation>
    </message>
    <message>
        <source>Text to summarise</source>
        <translation>Zusammenzufassender Text</translation>
    </message>
    <message>
        <source>Paste the text to summarise here.</source>
        <translation>Fügen Sie hier den Text ein, der zusammengefasst werden soll.</translation>
    </message>
    <message>
        <source>Protection class of the pasted text</source>
        <translation>Schutzbedarfsklasse des eingefügten Textes</translation>
    </message>
    <message>
        <source>Length of the summary</source>
        <translation>Länge der Zusammenfassung</translation>
    </message>
    <message>
        <source>Short</source>
        <translation>Kurz</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Mittel</translation>
    </message>
    <message>
        <source>Long</source>
        <translation>Lang</translation>
    </message>
    <message>
        <source>With respect to</source>
        <translation>Im Hinblick auf</translation>
    </message>
    <message>
        <source>optional, e.g. deadlines or costs</source>
        <translation>optional, z. B. Fristen oder Kosten</translation>
    </message>
    <message>
        <source>&amp;Summarise</source>
        <translation>&amp;Zusammenfassen</translation>
    </message>
    <message>
        <source>Summarise</source>
        <translation>Zusammenfassen</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>The summary can be edited before it is copied or saved.</source>
        <translation>Die Zusammenfassung kann vor dem Kopieren oder Speichern bearbeitet werden.</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>Ko&amp;pieren</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Sa&amp;ve…</source>
        <translation>&amp;Speichern …</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>S&amp;ource:</source>
        <translation>&amp;Quelle:</translation>
    </message>
    <message>
        <source>&amp;Text:</source>
        <translation>&amp;Text:</translation>
    </message>
    <message>
        <source>C&amp;lass of the text:</source>
        <translation>&amp;Klasse des Textes:</translation>
    </message>
    <message>
        <source>&amp;Length:</source>
        <translation>&amp;Länge:</translation>
    </message>
    <message>
        <source>With &amp;respect to:</source>
        <translation>Im &amp;Hinblick auf:</translation>
    </message>
    <message>
        <source>Pasted text</source>
        <translation>Eingefügter Text</translation>
    </message>
    <message>
        <source>Paste a text or choose a document first.</source>
        <translation>Fügen Sie zuerst einen Text ein oder wählen Sie ein Dokument.</translation>
    </message>
    <message>
        <source>Summarising…</source>
        <translation>Wird zusammengefasst …</translation>
    </message>
    <message>
        <source>No summary: %1</source>
        <translation>Keine Zusammenfassung: %1</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Quellen</translation>
    </message>
    <message>
        <source>Summarised on this workstation: %1.</source>
        <translation>Auf diesem Arbeitsplatz zusammengefasst: %1.</translation>
    </message>
    <message>
        <source>Summarised by %1.</source>
        <translation>Zusammengefasst von %1.</translation>
    </message>
    <message>
        <source>Save summary</source>
        <translation>Zusammenfassung speichern</translation>
    </message>
    <message>
        <source>The summary can be edited before it is copied or saved. A click on a citation number or source opens the cited page.</source>
        <translation>Die Zusammenfassung kann vor dem Kopieren oder Speichern bearbeitet werden. Ein Klick auf eine Belegnummer oder Quelle öffnet die zitierte Seite.</translation>
    </message>
</context>
<context>
    <name>genius::ui::ViewId</name>
    <message>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Dokumente</translation>
    </message>
    <message>
        <source>Research</source>
        <translation>Recherche</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>Text generation</source>
        <translation>Textgenerierung</translation>
    </message>
    <message>
        <source>Data management</source>
        <translation>Datenmanagement</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
</context>
</TS>
