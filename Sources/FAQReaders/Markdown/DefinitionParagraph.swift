import FAQModel

/// A definition-list item as Goldmark (Hugo), kramdown, PHP Markdown Extra and MkDocs
/// `def_list` write it, which cmark-gfm reads as one paragraph:
///
///     Why is my page missing?
///     : Check `draft`.
///
/// The term is the first line, the definition the text after `: ` on the next. Indented
/// blocks that continue the definition follow it in the flow and join its answer there.
struct DefinitionParagraph {
    var term: [Inline]
    var definition: [Inline]

    init?(_ content: [Inline]) {
        guard let breakIndex = content.firstIndex(where: \.isBreak), breakIndex > 0,
              case .text(let text)? = content.dropFirst(breakIndex + 1).first,
              text.hasPrefix(": ") || text.hasPrefix(":\t") || text == ":"
        else { return nil }
        let term = Array(content[..<breakIndex])
        guard !term.plainText.trimmingWhitespace().isEmpty else { return nil }
        var definition = Array(content[(breakIndex + 1)...])
        let rest = text.dropFirst().drop(while: { $0 == " " || $0 == "\t" })
        if rest.isEmpty { definition.removeFirst() } else { definition[0] = .text(String(rest)) }
        while definition.first?.isBreak == true { definition.removeFirst() }
        guard !definition.isEmpty else { return nil }
        self.term = term
        self.definition = definition
    }
}
