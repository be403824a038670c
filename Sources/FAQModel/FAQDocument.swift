/// One FAQ, parsed once and handed unchanged to every emitter.
public struct FAQDocument: Sendable, Hashable {
    public var metadata: Metadata
    /// Blocks before the first question (or first section).
    public var preamble: [Block]
    public var body: Body
    /// Where the document came from (a path, or `-` for standard input); nil when built in code.
    public var source: String?

    public init(metadata: Metadata, preamble: [Block] = [], body: Body, source: String? = nil) {
        self.metadata = metadata
        self.preamble = preamble
        self.body = body
        self.source = source
    }

    /// Every entry in reading order, whether the body has sections or not.
    public var allEntries: [Entry] {
        switch body {
        case .entries(let entries): return entries
        case .sections(let sections): return sections.flatMap(\.entries)
        }
    }
}

/// A FAQ is either a flat list of questions or named sections holding them.
public enum Body: Sendable, Hashable {
    case entries([Entry])
    case sections([Section])
}

public struct Section: Sendable, Hashable {
    public var id: String
    public var title: [Inline]
    /// Blocks between the section heading and its first question.
    public var intro: [Block]
    public var entries: [Entry]
    public var location: SourceLocation?

    public init(id: String, title: [Inline], intro: [Block] = [], entries: [Entry], location: SourceLocation? = nil) {
        self.id = id
        self.title = title
        self.intro = intro
        self.entries = entries
        self.location = location
    }
}

public struct Entry: Sendable, Hashable {
    /// Unique within the document: the source's own anchor (the author's id, else the one its
    /// platform generates: GitHub's, kramdown's, Goldmark's, Pandoc's), so links keep working.
    public var id: String
    public var question: [Inline]
    public var answer: [Block]
    public var location: SourceLocation?

    public init(id: String, question: [Inline], answer: [Block], location: SourceLocation? = nil) {
        self.id = id
        self.question = question
        self.answer = answer
        self.location = location
    }
}

/// A place in an input file; lines and columns count from 1.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int = 1) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `path:line:col`, the compiler-style prefix of a diagnostic.
    public var description: String { "\(file):\(line):\(column)" }
}
