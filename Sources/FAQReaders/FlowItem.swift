import FAQModel

/// What both readers hand to `FAQStructure`: the document's top-level flow, headings kept
/// apart (with their place) so the structure can decide which are titles, sections or questions.
enum FlowItem: Sendable, Hashable {
    case block(Block)
    /// A top-level paragraph with its place: one that states a question in bold
    /// (`**Q: …?**`) becomes an entry at its line.
    case paragraph(Paragraph, location: SourceLocation?)
    case heading(level: Int, content: [Inline], location: SourceLocation?)
    /// A question/answer pair the markup states outright: `<details><summary>`, `<dl><dt><dd>`,
    /// an MDX `<Collapse title>`, a Markdown definition (`Term` + `: definition`).
    case entry(question: [Inline], answer: [Block], location: SourceLocation?)
}

extension Array where Element == FlowItem {
    /// Inside a list or quote, headings are ordinary blocks and explicit entries a bold question.
    var asBlocks: [Block] {
        flatMap { item -> [Block] in
            switch item {
            case .block(let block): return [block]
            case .paragraph(let paragraph, _): return [.paragraph(paragraph)]
            case .heading(let level, let content, _): return [.heading(Heading(level: level, content: content))]
            case .entry(let question, let answer, _): return [.paragraph(Paragraph([.strong(question)]))] + answer
            }
        }
    }
}
