import FAQModel

/// Containers that Markdown sites add on top of CommonMark and that cmark-gfm leaves as
/// paragraphs: Docusaurus admonitions (`:::note Title` … `:::`) become a block quote
/// headed by their title, so the fences never show as text; in MDX, `import`/`export`
/// lines (JavaScript, not content) are dropped. Works on the converted flow, by lines of
/// paragraphs, so both Markdown paths (cmark and cmark → HTML) get it.
enum MarkdownContainers {
    static func resolve(_ flow: [FlowItem], mdx: Bool) -> [FlowItem] {
        guard flow.contains(where: { item in
            switch item {
            case .entry(_, let answer, _): return answer.contains { startsWithFence($0) }
            case .block(let block): return startsWithFence(block) || mdx && isModuleLine(block)
            case .paragraph(let paragraph, _): return startsWithFence(.paragraph(paragraph)) || mdx && isModuleLine(.paragraph(paragraph))
            case .heading: return false
            }
        }) else { return flow }

        var out: [FlowItem] = []
        var open: [(title: String, start: Int)] = []
        for item in flow {
            if case .entry(let question, let answer, let location) = item, answer.contains(where: { startsWithFence($0) }) {
                // An admonition inside a <details> or <Collapse> answer.
                out.append(.entry(question: question, answer: resolve(answer.map(FlowItem.block), mdx: false).asBlocks, location: location))
                continue
            }
            guard let paragraph = item.topParagraph else {
                out.append(item)
                continue
            }
            if mdx && isModuleLine(.paragraph(paragraph)) { continue }
            guard paragraph.content.contains(where: { if case .text(let s) = $0 { return s.contains(":::") } else { return false } }) else {
                out.append(item)
                continue
            }
            var lines: [[Inline]] = []
            func flushLines() {
                guard !lines.isEmpty else { return }
                let content = Array(lines.joined(separator: [.softBreak]))
                if case .paragraph(_, let location) = item {
                    out.append(.paragraph(Paragraph(content), location: location))
                } else {
                    out.append(.block(.paragraph(Paragraph(content))))
                }
                lines = []
            }
            for line in split(paragraph.content) {
                let text = line.plainText.trimmingWhitespace()
                if let (kind, body) = wholeOnOneLine(line) {
                    // `:::note Body :::`, as the HTML path gives a fenced paragraph (lines joined)
                    flushLines()
                    out.append(.block(.quote(BlockQuote([.paragraph(Paragraph([.strong([.text(kind)])])), .paragraph(Paragraph(body))]))))
                } else if let title = openingTitle(text) {
                    flushLines()
                    open.append((title, out.count))
                } else if isClosing(text), let container = open.popLast() {
                    flushLines()
                    let body = Array(out[container.start...]).asBlocks
                    out.removeSubrange(container.start...)
                    let heading: [Block] = container.title.isEmpty ? [] : [.paragraph(Paragraph([.strong([.text(container.title)])]))]
                    out.append(.block(.quote(BlockQuote(heading + body))))
                } else {
                    lines.append(line)
                }
            }
            flushLines()
        }
        return out
    }

    private static func startsWithFence(_ block: Block) -> Bool {
        if case .paragraph(let paragraph) = block, case .text(let s)? = paragraph.content.first { return s.hasPrefix(":::") }
        return false
    }

    /// `:::note`, `:::tip Title`, `:::info[Title]`, `::::danger` (nested): the title shown,
    /// else the kind capitalized; nil when the line opens nothing.
    static func openingTitle(_ line: String) -> String? {
        guard line.hasPrefix(":::") else { return nil }
        let rest = line.drop(while: { $0 == ":" })
        let kind = rest.prefix(while: { $0.isLetter || $0 == "-" || $0 == "_" })
        guard !kind.isEmpty else { return nil }
        var title = rest.dropFirst(kind.count).trimmingWhitespace()
        if title.hasPrefix("["), title.hasSuffix("]") { title = String(title.dropFirst().dropLast()).trimmingWhitespace() }
        if title.hasPrefix("{") { title = "" }  // `:::note{.class}` attributes
        return title.isEmpty ? kind.prefix(1).uppercased() + kind.dropFirst().lowercased() : title
    }

    /// A fence, its body and the closing fence on one line: the kind's title and the body.
    private static func wholeOnOneLine(_ line: [Inline]) -> (String, [Inline])? {
        guard case .text(let first)? = line.first, case .text(let last)? = line.last, line.plainText.trimmingWhitespace().count > 6,
              let title = openingTitle(first.prefix(while: { !$0.isWhitespace }).trimmingWhitespace()),
              last.trimmingWhitespace().hasSuffix(":::")
        else { return nil }
        var body = line
        let head = first.drop(while: { !$0.isWhitespace }).drop(while: \.isWhitespace)
        if head.isEmpty { body.removeFirst() } else { body[0] = .text(String(head)) }
        guard case .text(let tail)? = body.last else { return nil }
        let trimmed = tail.trimmingWhitespace()
        let kept = String(trimmed.dropLast(trimmed.reversed().prefix(while: { $0 == ":" }).count)).trimmingWhitespace()
        if kept.isEmpty { body.removeLast() } else { body[body.count - 1] = .text(kept) }
        return body.isEmpty ? nil : (title, body)
    }

    static func isClosing(_ line: String) -> Bool { line.count >= 3 && line.allSatisfy { $0 == ":" } }

    /// An ES module line of MDX: `import X from '…'`, `import '…'`, `export const …`.
    static func isModuleLine(_ block: Block) -> Bool {
        guard case .paragraph(let paragraph) = block else { return false }
        let t = paragraph.content.plainText.trimmingWhitespace()
        if t.hasPrefix("export ") { return true }
        guard t.hasPrefix("import ") else { return false }
        return t.contains(" from ") || t.dropFirst(7).first == "'" || t.dropFirst(7).first == "\""
    }

    /// The paragraph's lines (split at soft and hard breaks).
    private static func split(_ content: [Inline]) -> [[Inline]] {
        var lines: [[Inline]] = [[]]
        for inline in content {
            if inline.isBreak { lines.append([]) } else { lines[lines.count - 1].append(inline) }
        }
        return lines.filter { !$0.isEmpty }
    }
}

extension FlowItem {
    /// The paragraph of a top-level paragraph item.
    var topParagraph: Paragraph? {
        switch self {
        case .paragraph(let paragraph, _): return paragraph
        case .block(.paragraph(let paragraph)): return paragraph
        case .block, .heading, .entry: return nil
        }
    }
}
