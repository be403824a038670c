/// Decoding of a document from the JSON contract (`JSONContract`), for API consumers of
/// the `json` output. `format` must say `faqexport`; derived members the writer adds for
/// readers (`url`, `answer_text`, `answer_html`) are ignored. Encoding is the `json`
/// emitter's alone (one writer of the contract).
extension FAQDocument: Decodable {
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: JSONContract.DocumentKey.self)
        let format = try c.decode(String.self, forKey: .format)
        guard format == JSONContract.format else {
            throw DecodingError.dataCorruptedError(forKey: .format, in: c, debugDescription: "not a faqexport document: \(format)")
        }
        metadata = try c.decode(Metadata.self, forKey: .metadata)
        preamble = try c.decodeIfPresent([Block].self, forKey: .preamble) ?? []
        if let sections = try c.decodeIfPresent([Section].self, forKey: .sections) {
            body = .sections(sections)
        } else {
            body = .entries(try c.decode([Entry].self, forKey: .entries))
        }
        source = try c.decodeIfPresent(String.self, forKey: .source)
    }
}

extension Metadata: Decodable {
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: JSONContract.MetadataKey.self)
        self.init(
            title: try c.decodeIfPresent(String.self, forKey: .title),
            description: try c.decodeIfPresent(String.self, forKey: .description),
            keywords: try c.decodeIfPresent([String].self, forKey: .keywords) ?? [],
            lang: try c.decodeIfPresent(String.self, forKey: .lang) ?? "en",
            date: try c.decodeIfPresent(String.self, forKey: .date),
            permalink: try c.decodeIfPresent(String.self, forKey: .permalink),
            url: try c.decodeIfPresent(String.self, forKey: .url),
            authors: try c.decodeIfPresent([String].self, forKey: .authors) ?? [],
            ogTitle: try c.decodeIfPresent(String.self, forKey: .ogTitle),
            ogDescription: try c.decodeIfPresent(String.self, forKey: .ogDescription),
            extra: try c.decodeIfPresent([String: String].self, forKey: .extra) ?? [:])
    }
}

extension Section: Decodable {
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: JSONContract.SectionKey.self)
        let plain = try c.decode(String.self, forKey: .title)
        self.init(
            id: try c.decode(String.self, forKey: .id),
            title: try c.decodeIfPresent([Inline].self, forKey: .titleContent) ?? [.text(plain)],
            intro: try c.decodeIfPresent([Block].self, forKey: .intro) ?? [],
            entries: try c.decode([Entry].self, forKey: .entries),
            location: try c.decodeIfPresent(SourceLocation.self, forKey: .location))
    }
}

extension Entry: Decodable {
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: JSONContract.EntryKey.self)
        let plain = try c.decode(String.self, forKey: .question)
        self.init(
            id: try c.decode(String.self, forKey: .id),
            question: try c.decodeIfPresent([Inline].self, forKey: .questionContent) ?? [.text(plain)],
            answer: try c.decode([Block].self, forKey: .answer),
            location: try c.decodeIfPresent(SourceLocation.self, forKey: .location))
    }
}

extension SourceLocation: Decodable {
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: JSONContract.LocationKey.self)
        self.init(
            file: try c.decode(String.self, forKey: .file), line: try c.decode(Int.self, forKey: .line),
            column: try c.decode(Int.self, forKey: .column))
    }
}
