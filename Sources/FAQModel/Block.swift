/// Block content of answers, intros and the preamble. Cases wrap small structs so a
/// field can be added without touching every `switch`. No raw HTML survives here.
public indirect enum Block: Sendable, Hashable {
    case paragraph(Paragraph)
    case heading(Heading)
    case list(ListBlock)
    case code(CodeBlock)
    case quote(BlockQuote)
    case table(Table)
    case thematicBreak
}

public struct Paragraph: Sendable, Hashable {
    public var content: [Inline]
    public init(_ content: [Inline]) { self.content = content }
}

/// A heading inside an answer (deeper than the question level).
public struct Heading: Sendable, Hashable {
    public var level: Int
    public var content: [Inline]
    /// The source's anchor for this heading (its id, or the one its platform would generate),
    /// so a `#link` to it resolves; nil when the source gives none.
    public var id: String?
    public init(level: Int, content: [Inline], id: String? = nil) {
        self.level = level
        self.content = content
        self.id = id
    }
}

public struct ListBlock: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable { case bullet, ordered }
    public var kind: Kind
    /// First number of an ordered list (1 for bullet lists).
    public var start: Int
    /// Tight lists render items without paragraph spacing.
    public var tight: Bool
    public var items: [ListItem]

    public init(kind: Kind, start: Int = 1, tight: Bool = true, items: [ListItem]) {
        self.kind = kind
        self.start = start
        self.tight = tight
        self.items = items
    }
}

public struct ListItem: Sendable, Hashable {
    public enum Task: String, Sendable, Hashable { case checked, unchecked }
    /// nil for an ordinary item; set for a GFM task-list item.
    public var task: Task?
    public var content: [Block]
    public init(task: Task? = nil, content: [Block]) {
        self.task = task
        self.content = content
    }
}

public struct CodeBlock: Sendable, Hashable {
    public var language: String?
    /// The literal text, ending without a newline.
    public var text: String
    public init(language: String? = nil, text: String) {
        self.language = language
        self.text = text
    }
}

public struct BlockQuote: Sendable, Hashable {
    public var content: [Block]
    public init(_ content: [Block]) { self.content = content }
}

public struct Table: Sendable, Hashable {
    public enum Alignment: String, Sendable, Hashable { case none, left, center, right }
    public var alignments: [Alignment]
    public var header: [TableCell]
    public var rows: [[TableCell]]
    public init(alignments: [Alignment], header: [TableCell], rows: [[TableCell]]) {
        self.alignments = alignments
        self.header = header
        self.rows = rows
    }
}

public struct TableCell: Sendable, Hashable {
    public var content: [Inline]
    public init(_ content: [Inline]) { self.content = content }
}
