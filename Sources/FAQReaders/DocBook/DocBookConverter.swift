import CLibXML2
import FAQModel

/// A DocBook 4.x or 5 tree into the reader flow. Divisions (`part`, `chapter`, `section`,
/// `sect1`…, `qandadiv`) give headings one level below their parent, the root's title being
/// the document's; `qandaentry` gives entries; `info`/`articleinfo`/`bookinfo` the metadata.
/// Entries and headings then go through the question detection every format shares (a
/// `qandaset`'s entries are the questions unless its headings ask questions themselves).
struct DocBookConverter {
    let file: String
    let nodes: DocBookNodes
    var inlines: DocBookInlines
    var blocks: DocBookBlocks
    var flow = MarkupFlow()

    static let divisions: Set<String> = [
        "book", "part", "chapter", "appendix", "preface", "article", "section", "sect1", "sect2", "sect3", "sect4",
        "sect5", "simplesect", "refsect1", "refsect2", "refsect3", "refsection", "reference", "refentry",
        "glossary", "bibliography", "colophon", "dedication", "partintro", "set", "topic", "qandadiv", "qandaset",
    ]
    static let infoElements: Set<String> = [
        "info", "articleinfo", "bookinfo", "chapterinfo", "sectioninfo", "sect1info", "sect2info", "sect3info",
        "prefaceinfo", "appendixinfo", "partinfo", "refentryinfo", "refsynopsisdivinfo", "setinfo",
    ]

    init(file: String, budget: Int, maxNesting: Int) {
        self.file = file
        nodes = DocBookNodes(file: file, budget: budget)
        inlines = DocBookInlines(nodes: nodes)
        blocks = DocBookBlocks(nodes: nodes, inlines: inlines, maxNesting: maxNesting)
    }

    mutating func convert(_ doc: xmlDocPtr) {
        guard let root = xmlDocGetRootElement(doc) else { return }
        collectLabels(root)
        inlines.labels = labels
        blocks.inlines = inlines
        if let lang = root.attribute("lang"), !lang.isEmpty { flow.metadata.lang = lang }
        termsAreQuestions = Self.mostlyQuestions(termsOfTopLevelLists(root))
        if Self.divisions.contains(root.name) {
            flow.metadata.title = title(of: root).map { $0.plainText.collapsingWhitespace.trimmingWhitespace() }
            for child in nodes.elements(root) where Self.infoElements.contains(child.name) { info(child) }
            if root.name == "qandaset" || root.name == "qandadiv" {
                qanda(root, depth: 0, label: QandaLabel(style: root.attribute("defaultlabel")))
            } else {
                contents(of: root, depth: 0)
            }
        } else {
            for block in blocks.blocks(root, depth: 0) { flow.append(block) }
        }
        flow.diagnostics += nodes.diagnostics
    }

    // MARK: Labels (what an xref shows)

    private var labels: [String: String] = [:]

    private mutating func collectLabels(_ root: XMLNode) {
        var stack = [root]
        while let node = stack.popLast() {
            if let id = node.attribute("id") {
                var label = node.attribute("xreflabel")
                if label == nil, node.name == "qandaentry" {
                    label = nodes.elements(node).first { $0.name == "question" }.map { inlines.text($0).collapsingWhitespace.trimmingWhitespace() }
                }
                if label == nil { label = title(of: node).map { $0.plainText.collapsingWhitespace.trimmingWhitespace() } }
                labels[id] = label ?? id
            }
            stack += nodes.elements(node).reversed()
        }
    }

    /// The `title` child, or the one in its `info` element.
    func title(of node: XMLNode) -> [Inline]? {
        for child in nodes.elements(node) {
            if child.name == "title" { return HTMLConverter.trimmed(inlines.inlines(child)) }
            if Self.infoElements.contains(child.name), let t = nodes.elements(child).first(where: { $0.name == "title" }) {
                return HTMLConverter.trimmed(inlines.inlines(t))
            }
        }
        return nil
    }

    // MARK: Metadata

    private mutating func info(_ node: XMLNode) {
        for child in nodes.elements(node) {
            let text = inlines.text(child).collapsingWhitespace.trimmingWhitespace()
            switch child.name {
            case "author", "editor", "othercredit", "corpauthor":
                if let name = personName(child) { flow.metadata.authors.append(name) }
            case "authorgroup":
                for author in nodes.elements(child) { if let name = personName(author) { flow.metadata.authors.append(name) } }
            case "date", "pubdate":
                if flow.metadata.date == nil, !text.isEmpty { flow.metadata.date = text }
            case "abstract":
                if !text.isEmpty { flow.metadata.description = nodes.elements(child).filter { $0.name != "title" }
                    .map { inlines.text($0).collapsingWhitespace.trimmingWhitespace() }.joined(separator: " ") }
            case "keywordset":
                flow.metadata.keywords += nodes.elements(child).map { inlines.text($0).collapsingWhitespace.trimmingWhitespace() }.filter { !$0.isEmpty }
            case "releaseinfo", "edition", "productname", "productnumber", "volumenum", "issuenum", "orgname":
                if !text.isEmpty { flow.metadata.extra[child.name] = text }
            default:
                continue
            }
        }
    }

    private func personName(_ node: XMLNode) -> String? {
        let parts = nodes.elements(node)
        let person = parts.first { $0.name == "personname" } ?? node
        let names = nodes.elements(person).filter { ["honorific", "firstname", "givenname", "othername", "surname", "lineage"].contains($0.name) }
        let text = names.isEmpty
            ? (parts.first { $0.name == "orgname" }.map { inlines.text($0) } ?? (node.name == "corpauthor" || person != node ? inlines.text(person) : ""))
            : names.map { inlines.text($0).trimmingWhitespace() }.joined(separator: " ")
        let name = text.collapsingWhitespace.trimmingWhitespace()
        return name.isEmpty ? nil : name
    }

    // MARK: Divisions

    private mutating func contents(of node: XMLNode, depth: Int) {
        for child in nodes.elements(node) {
            let name = child.name
            if name == "title" || name == "subtitle" || name == "titleabbrev" || Self.infoElements.contains(name) { continue }
            if name == "qandaset" {
                if let t = title(of: child) { heading(child, t, depth: depth + 1) }
                qanda(child, depth: depth + (title(of: child) == nil ? 0 : 1), label: QandaLabel(style: child.attribute("defaultlabel")))
            } else if Self.divisions.contains(name) {
                division(child, depth: depth + 1)
            } else if name == "variablelist", termsAreQuestions {
                questionList(child).forEach { flow.append($0.item, ids: $0.ids) }
            } else {
                noteIDs(child)
                for block in blocks.blocks(child, depth: 0) { flow.append(block) }
            }
        }
    }

    private mutating func division(_ node: XMLNode, depth: Int) {
        if let t = title(of: node) { heading(node, t, depth: depth) }
        contents(of: node, depth: depth)
    }

    private mutating func heading(_ node: XMLNode, _ content: [Inline], depth: Int) {
        var ids = node.attribute("id").map { [$0] } ?? []
        for child in nodes.elements(node) where child.name == "title" { ids += allIDs(child) }
        flow.append(.heading(level: min(6, depth + 1), content: content, location: SourceLocation(file: file, line: node.line), anchor: SourceAnchor()), ids: ids)
    }

    // MARK: Questions and answers

    /// `qandaset`/`qandadiv`: divisions become headings, entries become entries.
    private mutating func qanda(_ node: XMLNode, depth: Int, label: QandaLabel) {
        var label = label
        for child in nodes.elements(node) {
            switch child.name {
            case "title", "titleabbrev": continue
            case "qandadiv":
                let number = label.nextDivision()
                if var t = title(of: child) {
                    if let number { t.insert(.text(number + " "), at: 0) }
                    heading(child, t, depth: depth + 1)
                }
                qanda(child, depth: depth + 1, label: label.inside(number))
            case "qandaentry":
                entry(child, label: &label)
            default:
                if Self.infoElements.contains(child.name) { continue }
                noteIDs(child)
                for block in blocks.blocks(child, depth: 0) { flow.append(block) }
            }
        }
    }

    private mutating func entry(_ node: XMLNode, label: inout QandaLabel) {
        var ids = node.attribute("id").map { [$0] } ?? []
        var question: [Inline] = []
        var answer: [Block] = []
        var explicitLabel: String?
        for part in nodes.elements(node) {
            switch part.name {
            case "question":
                ids += allIDs(part)
                for piece in nodes.elements(part) {
                    if piece.name == "label" { explicitLabel = inlines.text(piece).collapsingWhitespace.trimmingWhitespace(); continue }
                    let content = HTMLConverter.trimmed(inlines.inlines(piece))
                    if content.isEmpty { continue }
                    if !question.isEmpty { question.append(.text(" ")) }
                    question += content
                }
            case "answer":
                for piece in nodes.elements(part) where piece.name != "label" {
                    answer += blocks.blocks(piece, depth: 0)
                }
            default:
                continue
            }
        }
        let number = label.nextEntry()
        if let prefix = explicitLabel.flatMap({ $0.isEmpty ? nil : $0 }) ?? number { question.insert(.text(prefix + " "), at: 0) }
        flow.append(.entry(question: HTMLConverter.trimmed(question), answer: answer, location: SourceLocation(file: file, line: node.line), anchor: SourceAnchor()), ids: ids)
        for part in nodes.elements(node) where part.name == "answer" { noteIDs(part) }
    }

    /// Whether the `variablelist`s standing directly in divisions hold questions: when most
    /// of their terms end in a question mark (an AsciiDoc `Question?::` list, maybe split
    /// into one list per `[[id]]`), each term is an entry; otherwise they are part of the text.
    private var termsAreQuestions = false

    private func termsOfTopLevelLists(_ root: XMLNode) -> [String] {
        var terms: [String] = []
        var stack = [root]
        while let node = stack.popLast() {
            for child in nodes.elements(node) {
                if Self.divisions.contains(child.name) && child.name != "qandaset" {
                    stack.append(child)
                } else if child.name == "variablelist" {
                    for item in nodes.elements(child) where item.name == "varlistentry" {
                        terms += nodes.elements(item).filter { $0.name == "term" }.prefix(1).map { inlines.text($0).trimmingWhitespace() }
                    }
                }
            }
        }
        return terms
    }

    static func mostlyQuestions(_ terms: [String]) -> Bool {
        !terms.isEmpty && terms.filter { QuestionText.asks($0) || QuestionText.isMarkedQuestion($0) }.count * 2 >= terms.count
    }

    private mutating func questionList(_ node: XMLNode) -> [(item: FlowItem, ids: [String])] {
        var out: [(item: FlowItem, ids: [String])] = []
        // `[[id]]` before an AsciiDoc list item puts the id on a list of its own: the id of
        // the list names its first question.
        var listID = node.attribute("id").map { [$0] } ?? []
        for item in nodes.elements(node) where item.name == "varlistentry" {
            var term: [Inline] = []
            var ids = listID + (item.attribute("id").map { [$0] } ?? [])
            listID = []
            var answer: [Block] = []
            for part in nodes.elements(item) {
                if part.name == "term" {
                    ids += allIDs(part)
                    if !term.isEmpty { term.append(.text(", ")) }
                    term += HTMLConverter.trimmed(inlines.inlines(part))
                } else if part.name == "listitem" {
                    answer += nodes.elements(part).flatMap { blocks.blocks($0, depth: 0) }
                }
            }
            out.append((.entry(question: term, answer: answer, location: SourceLocation(file: file, line: item.line), anchor: SourceAnchor()), ids))
        }
        return out
    }

    // MARK: Ids

    /// Every id in a subtree, in document order.
    private func allIDs(_ node: XMLNode) -> [String] {
        var out: [String] = []
        var stack = [node]
        while let n = stack.popLast() {
            if n != node, let id = n.attribute("id") { out.append(id) }
            stack += nodes.elements(n).reversed()
        }
        if let id = node.attribute("id") { out.insert(id, at: 0) }
        return out
    }

    private mutating func noteIDs(_ node: XMLNode) {
        for id in allIDs(node) { flow.noteID(id) }
    }
}

/// `qandaset defaultlabel="number"`: entries numbered as the DocBook stylesheets show them
/// ("1.", "2.1."); other styles (`qanda`, `none`) show no number in the question itself.
struct QandaLabel {
    var numbered: Bool
    var prefix = ""
    var entries = 0
    var divisions = 0

    init(style: String?) { numbered = style == "number" }

    mutating func nextEntry() -> String? {
        guard numbered else { return nil }
        entries += 1
        return "\(prefix)\(entries)."
    }

    mutating func nextDivision() -> String? {
        guard numbered else { return nil }
        divisions += 1
        return "\(prefix)\(divisions)."
    }

    func inside(_ number: String?) -> QandaLabel {
        var copy = QandaLabel(style: numbered ? "number" : nil)
        copy.prefix = number ?? prefix
        return copy
    }
}
