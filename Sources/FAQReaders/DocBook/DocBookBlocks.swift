import CLibXML2
import FAQModel

/// DocBook block elements into the model: paragraphs, lists (`itemizedlist`, `orderedlist`,
/// `variablelist`, `procedure`, `simplelist`), `programlisting language=` and `screen` as
/// code, admonitions as a titled quote, CALS tables, media objects as images. Sections met
/// inside an answer keep their title as a heading.
struct DocBookBlocks {
    let nodes: DocBookNodes
    var inlines: DocBookInlines
    let maxNesting: Int

    static let admonitions = ["note": "Note", "warning": "Warning", "tip": "Tip", "important": "Important", "caution": "Caution"]
    static let codeBlocks: Set<String> = ["programlisting", "screen", "synopsis", "literallayout", "funcsynopsis", "cmdsynopsis", "address"]
    func blocks(_ node: XMLNode, depth: Int) -> [Block] {
        let name = node.name
        if depth > maxNesting {
            let text = inlines.text(node).collapsingWhitespace.trimmingWhitespace()
            nodes.warnOnce("nesting", "nesting deeper than \(maxNesting) levels is flattened", line: node.line)
            return text.isEmpty ? [] : [.paragraph(Paragraph([.text(text)]))]
        }
        switch name {
        case "para", "simpara":
            return paragraphs(node, depth: depth)
        case "formalpara":
            var out: [Block] = []
            for child in nodes.elements(node) {
                if child.name == "title" {
                    out.append(.paragraph(Paragraph([.strong(HTMLConverter.trimmed(inlines.inlines(child)))])))
                } else {
                    out += blocks(child, depth: depth + 1)
                }
            }
            return out
        case "itemizedlist", "orderedlist", "procedure", "substeps", "stepalternatives", "simplelist", "calloutlist", "segmentedlist":
            return list(node, depth: depth)
        case "variablelist", "glosslist":
            return definitions(node, depth: depth)
        case let code where Self.codeBlocks.contains(code):
            var text = inlines.text(node)
            if text.hasPrefix("\n") { text.removeFirst() }
            while text.hasSuffix("\n") { text.removeLast() }
            let language = node.attribute("language").flatMap { $0.isEmpty ? nil : $0 }
            return [.code(CodeBlock(language: language, text: text))]
        case "blockquote", "epigraph":
            var content: [Block] = []
            var attribution: [Inline] = []
            for child in nodes.elements(node) {
                if child.name == "attribution" { attribution = HTMLConverter.trimmed(inlines.inlines(child)) } else { content += blocks(child, depth: depth + 1) }
            }
            if !attribution.isEmpty { content.append(.paragraph(Paragraph([.text("— ")] + attribution))) }
            return [.quote(BlockQuote(content))]
        case let kind where Self.admonitions[kind] != nil || kind == "sidebar":
            return [admonition(node, depth: depth)]
        case "table", "informaltable":
            return [.table(CALSTable.table(node) { HTMLConverter.trimmed(inlines.inlines($0)) })]
        case "mediaobject", "graphic", "screenshot", "imageobject":
            return inlines.image(node).map { [.paragraph(Paragraph([.image($0)]))] } ?? []
        case "bridgehead":
            return [.paragraph(Paragraph([.strong(HTMLConverter.trimmed(inlines.inlines(node)))]))]
        case "title":
            let content = HTMLConverter.trimmed(inlines.inlines(node))
            return content.isEmpty ? [] : [.paragraph(Paragraph([.strong(content)]))]
        case "section", "sect1", "sect2", "sect3", "sect4", "sect5", "simplesect", "refsect1", "refsect2", "refsect3", "refsection":
            // A section inside an answer: its title a heading deeper than any question.
            var out: [Block] = []
            for child in nodes.elements(node) {
                if child.name == "title" {
                    out.append(.heading(Heading(level: 6, content: HTMLConverter.trimmed(inlines.inlines(child)))))
                } else if !DocBookConverter.infoElements.contains(child.name) {
                    out += blocks(child, depth: depth + 1)
                }
            }
            return out
        case "indexterm", "remark", "comment", "anchor", "info", "titleabbrev", "subtitle", "beginpage", "toc", "index", "lot":
            return []
        default:
            // Containers (examples, figures, task parts) and unknown wrappers: their content.
            if DocBookConverter.infoElements.contains(name) { return [] }
            return nodes.elements(node).flatMap { blocks($0, depth: depth + 1) }
        }
    }

    /// A `para` may hold blocks (lists, program listings) between runs of text: each run a
    /// paragraph, each block itself.
    private func paragraphs(_ node: XMLNode, depth: Int) -> [Block] {
        var out: [Block] = []
        var pending = InlineBuilder()
        func flush() {
            let content = HTMLConverter.trimmed(pending.finish())
            if !content.isEmpty { out.append(.paragraph(Paragraph(content))) }
            pending = InlineBuilder()
        }
        for child in nodes.children(node) {
            if case .node(let n) = child, n.isElement, Self.isBlock(n.name) {
                flush()
                out += blocks(n, depth: depth + 1)
            } else {
                inlines.inline(child).forEach { pending.append($0) }
            }
        }
        flush()
        return out
    }

    static func isBlock(_ name: String) -> Bool {
        ["itemizedlist", "orderedlist", "variablelist", "procedure", "simplelist", "table", "informaltable", "blockquote",
         "mediaobject", "example", "informalexample", "figure", "informalfigure", "para", "simpara", "formalpara"].contains(name)
            || codeBlocks.contains(name) || admonitions[name] != nil
    }

    private func list(_ node: XMLNode, depth: Int) -> [Block] {
        let ordered = node.name == "orderedlist" || node.name == "procedure" || node.name == "substeps"
        var items: [ListItem] = []
        var intro: [Block] = []
        for child in nodes.elements(node) {
            switch child.name {
            case "listitem", "step", "member", "callout", "seglistitem":
                let content = child.name == "member" ? [.paragraph(Paragraph(HTMLConverter.trimmed(inlines.inlines(child))))]
                    : nodes.elements(child).flatMap { blocks($0, depth: depth + 1) }
                items.append(ListItem(content: content))
            case "title":
                intro.append(.paragraph(Paragraph([.strong(HTMLConverter.trimmed(inlines.inlines(child)))])))
            default:
                intro += blocks(child, depth: depth + 1)
            }
        }
        let start = ordered ? min(max(Int(node.attribute("startingnumber") ?? "") ?? 1, 0), 999_999_999) : 1
        let tight = node.attribute("spacing") == "compact" || items.allSatisfy { $0.content.count <= 1 }
        return intro + [.list(ListBlock(kind: ordered ? .ordered : .bullet, start: start, tight: tight, items: items))]
    }

    /// Inside an answer, a `variablelist` is its terms in bold, each followed by its text.
    private func definitions(_ node: XMLNode, depth: Int) -> [Block] {
        var out: [Block] = []
        for child in nodes.elements(node) {
            switch child.name {
            case "title":
                out.append(.paragraph(Paragraph([.strong(HTMLConverter.trimmed(inlines.inlines(child)))])))
            case "varlistentry", "glossentry":
                for part in nodes.elements(child) {
                    if part.name == "term" || part.name == "glossterm" {
                        out.append(.paragraph(Paragraph([.strong(HTMLConverter.trimmed(inlines.inlines(part)))])))
                    } else {
                        out += nodes.elements(part).flatMap { blocks($0, depth: depth + 1) }
                    }
                }
            default:
                out += blocks(child, depth: depth + 1)
            }
        }
        return out
    }

    private func admonition(_ node: XMLNode, depth: Int) -> Block {
        var title: [Inline] = [.text(Self.admonitions[node.name] ?? "")]
        var body: [Block] = []
        for child in nodes.elements(node) {
            if child.name == "title" {
                title = HTMLConverter.trimmed(inlines.inlines(child))
            } else if !DocBookConverter.infoElements.contains(child.name) {
                body += blocks(child, depth: depth + 1)
            }
        }
        if title.plainText.isEmpty { return .quote(BlockQuote(body)) }
        return .quote(BlockQuote([.paragraph(Paragraph([.strong(title)]))] + body))
    }
}
