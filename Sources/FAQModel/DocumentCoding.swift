/// The JSON contract of the model (written by hand so keys are snake_case, every node
/// carries a `type` discriminator, and a question is plain text besides its markup).
/// `format`/`version` identify the contract; see the README for the versioning rule.
extension FAQDocument: Codable {
    public static let jsonFormat = "faqexport"
    /// MAJOR.MINOR: an added optional field bumps MINOR, anything else MAJOR.
    public static let jsonVersion = "1.0"

    enum CodingKeys: String, CodingKey { case format, version, metadata, preamble, entries, sections, source }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let format = try c.decode(String.self, forKey: .format)
        guard format == Self.jsonFormat else {
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

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(Self.jsonFormat, forKey: .format)
        try c.encode(Self.jsonVersion, forKey: .version)
        try c.encode(metadata, forKey: .metadata)
        try c.encode(preamble, forKey: .preamble)
        switch body {
        case .entries(let entries): try c.encode(entries, forKey: .entries)
        case .sections(let sections): try c.encode(sections, forKey: .sections)
        }
        try c.encodeIfPresent(source, forKey: .source)
    }
}

extension Metadata: Codable {
    enum CodingKeys: String, CodingKey {
        case title, description, keywords, lang, date, permalink, url, authors, extra
        case ogTitle = "og_title", ogDescription = "og_description"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
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

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(title, forKey: .title)
        try c.encodeIfPresent(description, forKey: .description)
        try c.encode(keywords, forKey: .keywords)
        try c.encode(lang, forKey: .lang)
        try c.encodeIfPresent(date, forKey: .date)
        try c.encodeIfPresent(permalink, forKey: .permalink)
        try c.encodeIfPresent(url, forKey: .url)
        try c.encode(authors, forKey: .authors)
        try c.encodeIfPresent(ogTitle, forKey: .ogTitle)
        try c.encodeIfPresent(ogDescription, forKey: .ogDescription)
        try c.encode(extra, forKey: .extra)
    }
}

extension Section: Codable {
    enum CodingKeys: String, CodingKey { case id, title, intro, entries, location, titleContent = "title_content" }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let plain = try c.decode(String.self, forKey: .title)
        self.init(
            id: try c.decode(String.self, forKey: .id),
            title: try c.decodeIfPresent([Inline].self, forKey: .titleContent) ?? [.text(plain)],
            intro: try c.decodeIfPresent([Block].self, forKey: .intro) ?? [],
            entries: try c.decode([Entry].self, forKey: .entries),
            location: try c.decodeIfPresent(SourceLocation.self, forKey: .location))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(title.plainText, forKey: .title)
        try c.encode(title, forKey: .titleContent)
        try c.encode(intro, forKey: .intro)
        try c.encode(entries, forKey: .entries)
        try c.encodeIfPresent(location, forKey: .location)
    }
}

extension Entry: Codable {
    enum CodingKeys: String, CodingKey { case id, question, answer, location, questionContent = "question_content" }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let plain = try c.decode(String.self, forKey: .question)
        self.init(
            id: try c.decode(String.self, forKey: .id),
            question: try c.decodeIfPresent([Inline].self, forKey: .questionContent) ?? [.text(plain)],
            answer: try c.decode([Block].self, forKey: .answer),
            location: try c.decodeIfPresent(SourceLocation.self, forKey: .location))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(question.plainText, forKey: .question)
        try c.encode(question, forKey: .questionContent)
        try c.encode(answer, forKey: .answer)
        try c.encodeIfPresent(location, forKey: .location)
    }
}


