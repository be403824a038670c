/// Inline content of paragraphs, headings, questions and table cells.
public indirect enum Inline: Sendable, Hashable {
    case text(String)
    case code(String)
    case emphasis([Inline])
    case strong([Inline])
    case strikethrough([Inline])
    case link(Link)
    case image(Image)
    case lineBreak
    case softBreak
}

public struct Link: Sendable, Hashable {
    public var url: String
    public var title: String?
    public var content: [Inline]
    public init(url: String, title: String? = nil, content: [Inline]) {
        self.url = url
        self.title = title
        self.content = content
    }
}

public struct Image: Sendable, Hashable {
    public var url: String
    public var title: String?
    public var alt: String
    public init(url: String, title: String? = nil, alt: String) {
        self.url = url
        self.title = title
        self.alt = alt
    }
}
