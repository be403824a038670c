/// Decoding of blocks and inlines from the JSON contract (`JSONContract`): `{"type": …, …}`
/// objects. Encoding is the `json` emitter's alone (one writer of the contract).
private typealias NodeKey = JSONContract.NodeKey

private func unknownType(_ type: String, _ c: KeyedDecodingContainer<NodeKey>) -> DecodingError {
    .dataCorruptedError(forKey: .type, in: c, debugDescription: "unknown node type \(type)")
}

extension Block: Decodable {
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: NodeKey.self)
        let type = try c.decode(String.self, forKey: .type)
        guard let known = JSONContract.BlockType(rawValue: type) else { throw unknownType(type, c) }
        switch known {
        case .paragraph: self = .paragraph(Paragraph(try c.decode([Inline].self, forKey: .content)))
        case .heading:
            self = .heading(Heading(
                level: try c.decode(Int.self, forKey: .level), content: try c.decode([Inline].self, forKey: .content),
                id: try c.decodeIfPresent(String.self, forKey: .id)))
        case .list:
            guard let kind = ListBlock.Kind(rawValue: try c.decode(String.self, forKey: .kind)) else { throw unknownType("list kind", c) }
            self = .list(ListBlock(
                kind: kind, start: try c.decodeIfPresent(Int.self, forKey: .start) ?? 1,
                tight: try c.decodeIfPresent(Bool.self, forKey: .tight) ?? true,
                items: try c.decode([ListItem].self, forKey: .items)))
        case .codeBlock:
            self = .code(CodeBlock(language: try c.decodeIfPresent(String.self, forKey: .language), text: try c.decode(String.self, forKey: .text)))
        case .blockQuote: self = .quote(BlockQuote(try c.decode([Block].self, forKey: .content)))
        case .table:
            let alignments = try c.decode([String].self, forKey: .alignments).map { Table.Alignment(rawValue: $0) ?? .none }
            self = .table(Table(
                alignments: alignments, header: try c.decode([[Inline]].self, forKey: .header).map(TableCell.init),
                rows: try c.decode([[[Inline]]].self, forKey: .rows).map { $0.map(TableCell.init) }))
        case .thematicBreak: self = .thematicBreak
        }
    }
}

extension ListItem: Decodable {
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: NodeKey.self)
        let task = try c.decodeIfPresent(String.self, forKey: .task).flatMap(Task.init(rawValue:))
        self.init(task: task, content: try c.decode([Block].self, forKey: .content))
    }
}

extension Inline: Decodable {
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: NodeKey.self)
        let type = try c.decode(String.self, forKey: .type)
        guard let known = JSONContract.InlineType(rawValue: type) else { throw unknownType(type, c) }
        switch known {
        case .text: self = .text(try c.decode(String.self, forKey: .text))
        case .code: self = .code(try c.decode(String.self, forKey: .text))
        case .emphasis: self = .emphasis(try c.decode([Inline].self, forKey: .content))
        case .strong: self = .strong(try c.decode([Inline].self, forKey: .content))
        case .strikethrough: self = .strikethrough(try c.decode([Inline].self, forKey: .content))
        case .link:
            self = .link(Link(
                url: try c.decode(String.self, forKey: .url), title: try c.decodeIfPresent(String.self, forKey: .title),
                content: try c.decode([Inline].self, forKey: .content)))
        case .image:
            self = .image(Image(
                url: try c.decode(String.self, forKey: .url), title: try c.decodeIfPresent(String.self, forKey: .title),
                alt: try c.decode(String.self, forKey: .alt)))
        case .lineBreak: self = .lineBreak
        case .softBreak: self = .softBreak
        }
    }
}
