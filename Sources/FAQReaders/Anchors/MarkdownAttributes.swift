import FAQModel

/// Attribute syntax in Markdown content, taken out of the text it would otherwise show in:
/// a heading's trailing `{#id}` block and kramdown's IAL lines (`{: .no_toc}`, `{:toc}`)
/// that end a paragraph or stand alone.
enum MarkdownAttributes {
    /// Removes a trailing attribute block from a heading's content; the block and how it
    /// was written (with the white space before it), if any.
    static func stripHeading(_ content: inout [Inline]) -> (block: AttributeBlock, written: String)? {
        guard case .text(let text)? = content.last, let found = AttributeBlock.trailing(in: text) else { return nil }
        content.removeLast()
        if !found.text.isEmpty {
            content.append(.text(found.text))
        } else if case .text(let previous)? = content.last {
            let trimmed = previous.trimmingTrailingWhitespace()
            content.removeLast()
            if !trimmed.isEmpty { content.append(.text(trimmed)) }
        }
        return (found.block, found.written)
    }

    /// Removes the IAL lines that end a paragraph (each a line of its own, after a soft
    /// break, or the whole paragraph); the IALs, in source order.
    static func stripIALs(_ content: inout [Inline]) -> [AttributeBlock] {
        var found: [AttributeBlock] = []
        while case .text(let line)? = content.last {
            let lineStart = content.count - 1
            guard lineStart == 0 || content[lineStart - 1] == .softBreak || content[lineStart - 1] == .lineBreak,
                  let ial = AttributeBlock.ialLine(Substring(line)) else { break }
            found.insert(ial, at: 0)
            content.removeLast()
            if let last = content.last, last == .softBreak || last == .lineBreak { content.removeLast() }
        }
        return found
    }

    /// The same for a paragraph of the HTML path, where line ends are gone: the source
    /// lines `first...last` say which trailing lines are IALs; their text is cut from the
    /// end of the content.
    static func stripIALs(_ content: inout [Inline], lines: SourceLines, first: Int, last: Int) -> [AttributeBlock] {
        var found: [AttributeBlock] = []
        var n = last
        // cmark ends a list at the blank line after it.
        while n > first, let line = lines.line(n), line.allSatisfy(\.isWhitespace) { n -= 1 }
        while n >= first, let line = lines.line(n), let ial = AttributeBlock.ialLine(line) {
            guard case .text(let text)? = content.last else { break }
            let written = collapsed(line.trimmingWhitespace())
            let trimmed = text.trimmingTrailingWhitespace()
            guard trimmed.hasSuffix(written) else { break }
            found.insert(ial, at: 0)
            let rest = String(trimmed.dropLast(written.count)).trimmingTrailingWhitespace()
            content.removeLast()
            if !rest.isEmpty { content.append(.text(rest)) }
            while let last = content.last, last == .lineBreak || last == .softBreak { content.removeLast() }
            n -= 1
        }
        return found
    }

    /// HTML's white space: a run of it is one space.
    private static func collapsed(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }
}
