/// JSON coding of blocks and inlines: `{"type": …, …}` objects, snake_case keys.
private enum NodeKeys: String, CodingKey {
    case type, content, level, kind, start, tight, items, task, language, text
    case alignments, header, rows, url, title, alt, id
}

private func unknownType(_ type: String, _ c: KeyedDecodingContainer<NodeKeys>) -> DecodingError {
    .dataCorruptedError(forKey: .type, in: c, debugDescription: "unknown node type \(type)")
}

extension Block: Codable {
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: NodeKeys.self)
        let type = try c.decode(String.self, forKey: .type)
        switch type {
        case "paragraph": self = .paragraph(Paragraph(try c.decode([Inline].self, forKey: .content)))
        case "heading":
            self = .heading(Heading(
                level: try c.decode(Int.self, forKey: .level), content: try c.decode([Inline].self, forKey: .content),
                id: try c.decodeIfPresent(String.self, forKey: .id)))
        case "list":
            guard let kind = ListBlock.Kind(rawValue: try c.decode(String.self, forKey: .kind)) else { throw unknownType("list kind", c) }
            self = .list(ListBlock(
                kind: kind, start: try c.decodeIfPresent(Int.self, forKey: .start) ?? 1,
                tight: try c.decodeIfPresent(Bool.self, forKey: .tight) ?? true,
                items: try c.decode([ListItem].self, forKey: .items)))
        case "code_block":
            self = .code(CodeBlock(language: try c.decodeIfPresent(String.self, forKey: .language), text: try c.decode(String.self, forKey: .text)))
        case "block_quote": self = .quote(BlockQuote(try c.decode([Block].self, forKey: .content)))
        case "table":
            let alignments = try c.decode([String].self, forKey: .alignments).map { Table.Alignment(rawValue: $0) ?? .none }
            self = .table(Table(
                alignments: alignments, header: try c.decode([[Inline]].self, forKey: .header).map(TableCell.init),
                rows: try c.decode([[[Inline]]].self, forKey: .rows).map { $0.map(TableCell.init) }))
        case "thematic_break": self = .thematicBreak
        default: throw unknownType(type, c)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: NodeKeys.self)
        switch self {
        case .paragraph(let p):
            try c.encode("paragraph", forKey: .type)
            try c.encode(p.content, forKey: .content)
        case .heading(let h):
            try c.encode("heading", forKey: .type)
            try c.encode(h.level, forKey: .level)
            try c.encode(h.content, forKey: .content)
            try c.encodeIfPresent(h.id, forKey: .id)
        case .list(let l):
            try c.encode("list", forKey: .type)
            try c.encode(l.kind.rawValue, forKey: .kind)
            try c.encode(l.start, forKey: .start)
            try c.encode(l.tight, forKey: .tight)
            try c.encode(l.items, forKey: .items)
        case .code(let code):
            try c.encode("code_block", forKey: .type)
            try c.encodeIfPresent(code.language, forKey: .language)
            try c.encode(code.text, forKey: .text)
        case .quote(let q):
            try c.encode("block_quote", forKey: .type)
            try c.encode(q.content, forKey: .content)
        case .table(let t):
            try c.encode("table", forKey: .type)
            try c.encode(t.alignments.map(\.rawValue), forKey: .alignments)
            try c.encode(t.header.map(\.content), forKey: .header)
            try c.encode(t.rows.map { $0.map(\.content) }, forKey: .rows)
        case .thematicBreak:
            try c.encode("thematic_break", forKey: .type)
        }
    }
}

extension ListItem: Codable {
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: NodeKeys.self)
        let task = try c.decodeIfPresent(String.self, forKey: .task).flatMap(Task.init(rawValue:))
        self.init(task: task, content: try c.decode([Block].self, forKey: .content))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: NodeKeys.self)
        try c.encodeIfPresent(task?.rawValue, forKey: .task)
        try c.encode(content, forKey: .content)
    }
}

extension Inline: Codable {
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: NodeKeys.self)
        let type = try c.decode(String.self, forKey: .type)
        switch type {
        case "text": self = .text(try c.decode(String.self, forKey: .text))
        case "code": self = .code(try c.decode(String.self, forKey: .text))
        case "emphasis": self = .emphasis(try c.decode([Inline].self, forKey: .content))
        case "strong": self = .strong(try c.decode([Inline].self, forKey: .content))
        case "strikethrough": self = .strikethrough(try c.decode([Inline].self, forKey: .content))
        case "link":
            self = .link(Link(
                url: try c.decode(String.self, forKey: .url), title: try c.decodeIfPresent(String.self, forKey: .title),
                content: try c.decode([Inline].self, forKey: .content)))
        case "image":
            self = .image(Image(
                url: try c.decode(String.self, forKey: .url), title: try c.decodeIfPresent(String.self, forKey: .title),
                alt: try c.decode(String.self, forKey: .alt)))
        case "line_break": self = .lineBreak
        case "soft_break": self = .softBreak
        default: throw unknownType(type, c)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: NodeKeys.self)
        switch self {
        case .text(let s):
            try c.encode("text", forKey: .type)
            try c.encode(s, forKey: .text)
        case .code(let s):
            try c.encode("code", forKey: .type)
            try c.encode(s, forKey: .text)
        case .emphasis(let content):
            try c.encode("emphasis", forKey: .type)
            try c.encode(content, forKey: .content)
        case .strong(let content):
            try c.encode("strong", forKey: .type)
            try c.encode(content, forKey: .content)
        case .strikethrough(let content):
            try c.encode("strikethrough", forKey: .type)
            try c.encode(content, forKey: .content)
        case .link(let link):
            try c.encode("link", forKey: .type)
            try c.encode(link.url, forKey: .url)
            try c.encodeIfPresent(link.title, forKey: .title)
            try c.encode(link.content, forKey: .content)
        case .image(let image):
            try c.encode("image", forKey: .type)
            try c.encode(image.url, forKey: .url)
            try c.encodeIfPresent(image.title, forKey: .title)
            try c.encode(image.alt, forKey: .alt)
        case .lineBreak: try c.encode("line_break", forKey: .type)
        case .softBreak: try c.encode("soft_break", forKey: .type)
        }
    }
}
