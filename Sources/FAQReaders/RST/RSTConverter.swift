import CLibXML2
import FAQModel

/// docutils' XML (the doctree of a reStructuredText document) into the reader flow. Sections
/// become headings one level below their parent (the document title is level 1), with
/// docutils' ids as the author's ids; `system_message`s become warnings, one per kind.
struct RSTConverter {
    let file: String
    let maxNesting: Int
    var flow = MarkupFlow()
    /// Warnings already given, by kind: one per kind, at its first line.
    private var warned: Set<String> = []
    var inlines = RSTInlines()

    init(file: String, maxNesting: Int) {
        self.file = file
        self.maxNesting = maxNesting
    }

    mutating func convert(_ doc: xmlDocPtr) {
        guard let root = xmlDocGetRootElement(doc) else { return }
        inlines.file = file
        for child in root.children where child.isElement {
            switch child.name {
            case "title":
                flow.metadata.title = inlines.inlines(child).plainText.trimmingWhitespace()
            case "subtitle":
                flow.append(.paragraph(Paragraph([.strong(inlines.inlines(child))])))
            case "docinfo":
                docinfo(child)
            case "section":
                section(child, depth: 1)
            default:
                for block in blocks(child, depth: 0) { flow.append(block) }
            }
        }
        flow.diagnostics += inlines.diagnostics
    }

    // MARK: Document parts

    private mutating func docinfo(_ node: XMLNode) {
        for field in node.children where field.isElement {
            let text = field.textContent.collapsingWhitespace.trimmingWhitespace()
            switch field.name {
            case "author": flow.metadata.authors.append(text)
            case "authors": flow.metadata.authors += field.children.filter { $0.isElement }.map { $0.textContent.collapsingWhitespace.trimmingWhitespace() }
            case "date": flow.metadata.date = text
            case "field":
                let parts = field.children.filter { $0.isElement }
                guard parts.count == 2 else { continue }
                let key = parts[0].textContent.trimmingWhitespace().lowercased()
                let value = parts[1].textContent.collapsingWhitespace.trimmingWhitespace()
                switch key {
                case "description", "abstract": flow.metadata.description = value
                case "keywords": flow.metadata.keywords = value.split(separator: ",").map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
                case "lang", "language": flow.metadata.lang = value
                default: flow.metadata.extra[key] = value
                }
            default:
                flow.metadata.extra[field.name] = text
            }
        }
    }

    private mutating func section(_ node: XMLNode, depth: Int) {
        if node.attribute("classes") == "system-messages" {
            for message in node.children where message.isElement { systemMessage(message) }
            return
        }
        let ids = (node.attribute("ids") ?? "").split(separator: " ").map(String.init)
        let line = Int(node.attribute("line") ?? "") ?? 1
        var title: [Inline] = []
        for child in node.children where child.isElement && child.name == "title" {
            title = HTMLConverter.trimmed(inlines.inlines(child))
            break
        }
        // `.. _label:` before a section gives it a second id: the label is the author's name for it.
        let ordered = Self.preferLabel(ids)
        flow.append(.heading(level: min(6, depth + 1), content: title, location: SourceLocation(file: file, line: line), anchor: SourceAnchor()), ids: ordered)
        for child in node.children where child.isElement {
            switch child.name {
            case "title": continue
            case "section": section(child, depth: depth + 1)
            default:
                for block in blocks(child, depth: 0) { flow.append(block) }
            }
        }
    }

    /// docutils lists a section's own id first and the ids of `.. _label:` targets after:
    /// the label, which the author chose (and other documents link to), comes first here.
    static func preferLabel(_ ids: [String]) -> [String] {
        guard ids.count > 1 else { return ids }
        return Array(ids.dropFirst()) + [ids[0]]
    }

    // MARK: Blocks

    mutating func blocks(_ node: XMLNode, depth: Int) -> [Block] {
        noteIDs(node)
        if depth > maxNesting {
            let text = node.textContent.collapsingWhitespace.trimmingWhitespace()
            warnOnce("nesting", "nesting deeper than \(maxNesting) levels is flattened", line: nil)
            return text.isEmpty ? [] : [.paragraph(Paragraph([.text(text)]))]
        }
        switch node.name {
        case "paragraph":
            let content = HTMLConverter.trimmed(inlines.inlines(node))
            return content.isEmpty ? [] : [.paragraph(Paragraph(content))]
        case "bullet_list", "enumerated_list":
            return [.list(list(node, depth: depth))]
        case "definition_list":
            return definitionList(node, depth: depth)
        case "field_list", "option_list":
            return [.list(fieldList(node, depth: depth))]
        case "literal_block", "doctest_block", "math_block":
            var text = node.textContent
            if text.hasSuffix("\n") { text.removeLast() }
            let language = node.attribute("language")
                ?? (node.name == "doctest_block" ? "pycon" : node.name == "math_block" ? "latex" : Self.codeClass(node.attribute("classes")))
            return [.code(CodeBlock(language: language, text: text))]
        case "line_block":
            return [.paragraph(Paragraph(lineBlock(node)))]
        case "block_quote", "sidebar", "epigraph", "highlights", "pull-quote":
            return [.quote(BlockQuote(children(node, depth: depth)))]
        case "attribution":
            return [.paragraph(Paragraph([.text("— ")] + HTMLConverter.trimmed(inlines.inlines(node))))]
        case "attention", "caution", "danger", "error", "hint", "important", "note", "tip", "warning", "admonition":
            return [admonition(node, depth: depth)]
        case "topic":
            if node.attribute("classes")?.split(separator: " ").contains("contents") == true { return [] }
            return [admonition(node, depth: depth)]
        case "rubric":
            return [.paragraph(Paragraph([.strong(HTMLConverter.trimmed(inlines.inlines(node)))]))]
        case "table":
            return [.table(CALSTable.table(node) { cell in HTMLConverter.trimmed(self.inlines.cellInlines(cell)) })]
        case "transition":
            return [.thematicBreak]
        case "image":
            return [.paragraph(Paragraph(inlines.inline(node)))]
        case "figure", "compound", "container", "legend", "caption":
            return children(node, depth: depth)
        case "footnote", "citation":
            return footnote(node, depth: depth)
        case "system_message":
            systemMessage(node)
            return []
        case "faqexport_skipped":
            skipped(node)
            return []
        case "title":
            return [.paragraph(Paragraph([.strong(HTMLConverter.trimmed(inlines.inlines(node)))]))]
        case "target", "substitution_definition", "comment", "pending", "raw", "meta", "decoration", "label":
            return []
        default:
            return children(node, depth: depth)
        }
    }

    private mutating func children(_ node: XMLNode, depth: Int) -> [Block] {
        node.children.filter { $0.isElement }.flatMap { blocks($0, depth: depth + 1) }
    }

    private mutating func list(_ node: XMLNode, depth: Int) -> ListBlock {
        let ordered = node.name == "enumerated_list"
        var items: [ListItem] = []
        for item in node.children where item.isElement && item.name == "list_item" {
            noteIDs(item)
            items.append(ListItem(content: children(item, depth: depth)))
        }
        let start = ordered ? min(max(Int(node.attribute("start") ?? "") ?? 1, 0), 999_999_999) : 1
        let tight = items.allSatisfy { $0.content.count <= 1 }
        return ListBlock(kind: ordered ? .ordered : .bullet, start: start, tight: tight, items: items)
    }

    /// Terms are bold paragraphs followed by their definitions: in reStructuredText FAQs a
    /// definition list is part of an answer (questions are section titles).
    private mutating func definitionList(_ node: XMLNode, depth: Int) -> [Block] {
        var out: [Block] = []
        for item in node.children where item.isElement && item.name == "definition_list_item" {
            noteIDs(item)
            for part in item.children where part.isElement {
                switch part.name {
                case "term": out.append(.paragraph(Paragraph([.strong(HTMLConverter.trimmed(inlines.inlines(part)))])))
                case "classifier": continue
                default: out += children(part, depth: depth)
                }
            }
        }
        return out
    }

    private mutating func fieldList(_ node: XMLNode, depth: Int) -> ListBlock {
        var items: [ListItem] = []
        for field in node.children where field.isElement {
            var name: [Inline] = []
            var body: [Block] = []
            for part in field.children where part.isElement {
                switch part.name {
                case "field_name", "option_group": name = HTMLConverter.trimmed(inlines.inlines(part))
                default: body += children(part, depth: depth)
                }
            }
            if case .paragraph(let first)? = body.first {
                body[0] = .paragraph(Paragraph([.strong(name), .text(": ")] + first.content))
            } else {
                body.insert(.paragraph(Paragraph([.strong(name)])), at: 0)
            }
            items.append(ListItem(content: body))
        }
        return ListBlock(kind: .bullet, tight: items.allSatisfy { $0.content.count <= 1 }, items: items)
    }

    private mutating func lineBlock(_ node: XMLNode) -> [Inline] {
        var out: [Inline] = []
        for line in node.children where line.isElement {
            if !out.isEmpty { out.append(.lineBreak) }
            out += line.name == "line_block" ? lineBlock(line) : HTMLConverter.trimmed(inlines.inlines(line))
        }
        return out
    }

    /// `.. note::` and the other admonitions: a quote whose first paragraph is its title.
    private mutating func admonition(_ node: XMLNode, depth: Int) -> Block {
        var title: [Inline] = [.text(Self.admonitionTitles[node.name] ?? "")]
        var body: [Block] = []
        for child in node.children where child.isElement {
            if child.name == "title" {
                title = HTMLConverter.trimmed(inlines.inlines(child))
            } else {
                body += blocks(child, depth: depth + 1)
            }
        }
        if title.plainText.isEmpty { return .quote(BlockQuote(body)) }
        return .quote(BlockQuote([.paragraph(Paragraph([.strong(title)]))] + body))
    }

    static let admonitionTitles = [
        "attention": "Attention", "caution": "Caution", "danger": "Danger", "error": "Error", "hint": "Hint",
        "important": "Important", "note": "Note", "tip": "Tip", "warning": "Warning",
    ]

    /// A footnote has no place of its own in the model: `[1] text` where it stands.
    private mutating func footnote(_ node: XMLNode, depth: Int) -> [Block] {
        let label = node.children.first { $0.isElement && $0.name == "label" }.map { $0.textContent } ?? ""
        var body = children(node, depth: depth)
        if case .paragraph(let first)? = body.first {
            var builder = InlineBuilder()
            ([.text("[\(label)] ")] + first.content).forEach { builder.append($0) }
            body[0] = .paragraph(Paragraph(builder.finish()))
        }
        return body
    }

    static func codeClass(_ classes: String?) -> String? {
        let parts = (classes ?? "").split(separator: " ").map(String.init)
        guard parts.first == "code", parts.count > 1 else { return nil }
        return parts[1]
    }

    // MARK: Ids and diagnostics

    private mutating func noteIDs(_ node: XMLNode) {
        for id in (node.attribute("ids") ?? "").split(separator: " ") { flow.noteID(String(id)) }
    }

    mutating func warnOnce(_ kind: String, _ message: String, line: Int?) {
        guard warned.insert(kind).inserted else { return }
        flow.warn(message, at: SourceLocation(file: file, line: max(1, line ?? 1)))
    }

    /// docutils' report, said in faqexport's words: one warning per kind of problem.
    private mutating func systemMessage(_ node: XMLNode) {
        let level = Int(node.attribute("level") ?? "") ?? 0
        guard level >= 2 else { return }
        let line = Int(node.attribute("line") ?? "")
        let text = StrictXML.oneLine(node.children.first { $0.isElement && $0.name == "paragraph" }?.textContent ?? "")
        // The kind is the message without what it quotes ("Unknown target name: "x"").
        let kind = text.split(separator: "\"", omittingEmptySubsequences: false).enumerated()
            .map { $0.offset % 2 == 1 ? "…" : String($0.element) }.joined(separator: "\"")
        let shown = text.count > 160 ? String(text.prefix(160)) + "…" : text
        warnOnce("message:" + kind, "reStructuredText problem reported by docutils: \(shown)", line: line)
    }

    private mutating func skipped(_ node: XMLNode) {
        let name = node.attribute("directive") ?? "?"
        let line = Int(node.attribute("line") ?? "")
        if node.attribute("unknown") != nil {
            warnOnce("directive:" + name, "unknown directive '.. \(name)::' is left out", line: line)
        } else if name == "include" || name == "literalinclude" {
            warnOnce("directive:" + name, "'.. \(name)::' is not followed: only the document itself is read", line: line)
        }
    }
}
