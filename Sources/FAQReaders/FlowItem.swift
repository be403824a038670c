import FAQModel

/// What both readers hand to `FAQStructure`: the document's top-level flow, headings kept
/// apart (with their place) so the structure can decide which are titles, sections or questions.
enum FlowItem: Sendable, Hashable {
    case block(Block)
    /// A top-level paragraph with its place: one that states a question in bold
    /// (`**Q: …?**`) becomes an entry at its line.
    case paragraph(Paragraph, location: SourceLocation?)
    case heading(level: Int, content: [Inline], location: SourceLocation?, anchor: SourceAnchor)
    /// A question/answer pair the markup states outright: `<details><summary>`, `<dl><dt><dd>`,
    /// an MDX `<Collapse title>`, a Markdown definition (`Term` + `: definition`).
    case entry(question: [Inline], answer: [Block], location: SourceLocation?, anchor: SourceAnchor)
    /// An author's id with no element of its own in the model (`<a name>` standing alone,
    /// `<p id>`, a wrapper's id): links to it are sent to the nearest anchor that survives.
    case anchor(StrayAnchor)
}

/// What the source says about a heading's or entry's id. After `AnchorAssignment`, `id`
/// holds the final id.
struct SourceAnchor: Sendable, Hashable {
    /// The author's id: `{#id}`, an IAL, `id`/`name` on the element or an `<a>` in it.
    var id: String?
    /// The id is written in attribute syntax (`{#id}`, `{: #id}`), which some platforms
    /// honour themselves instead of generating one.
    var isAttribute = false
    /// The source's platform generates an id for it (a Markdown heading; not raw HTML, not
    /// `<dt>` or `<details>`).
    var generated = false
    /// The heading's Markdown source line, for platforms that slug the source.
    var source: String?
    /// The attribute block taken out of the heading's text, as written: a platform that
    /// does not know the syntax (GitHub) shows it, and slugs it with the text.
    var attributes: String?
}

/// An id found where the model keeps no element for it.
struct StrayAnchor: Sendable, Hashable {
    enum Attach: Sendable, Hashable {
        /// Standing just before a heading or entry (`<a name>` alone, a section wrapper's id):
        /// becomes its id when it has none, else another name for it.
        case adopt
        /// Another name for the next heading or entry.
        case following
        /// Inside content (`<p id>`, an inline `<a name>`, a footnote table): another name
        /// for the heading or entry before it.
        case previous
    }
    var id: String
    var location: SourceLocation?
    var attach: Attach
}

extension Array where Element == FlowItem {
    /// Inside a list or quote, headings are ordinary blocks and explicit entries a bold question.
    /// Stray anchors have no block; the HTML reader lifts them out before this.
    var asBlocks: [Block] {
        flatMap { item -> [Block] in
            switch item {
            case .block(let block): return [block]
            case .paragraph(let paragraph, _): return [.paragraph(paragraph)]
            case .heading(let level, let content, _, let anchor): return [.heading(Heading(level: level, content: content, id: anchor.id))]
            case .entry(let question, let answer, _, _): return [.paragraph(Paragraph([.strong(question)]))] + answer
            case .anchor: return []
            }
        }
    }
}
