/// The JSON contract of the model, in one place: every key and node type name of the
/// `json` output. The writer (`FAQEmitters`' `JSONEmitter`, streaming) and the decoder
/// (`Decodable` here, for API consumers) both spell names through these enums, so they
/// cannot drift apart. The published schema is `schema/faqexport.schema.json`.
///
/// Keys are snake_case, every node carries a `type`, and a question or section title is
/// plain text (`question`, `title`) besides its markup (`…_content`).
///
/// Versioning (`version`, MAJOR.MINOR): an added optional field bumps MINOR, anything
/// else (a removed, renamed or retyped field, a new required field, a new node type)
/// bumps MAJOR, and the schema's `$id` carries the major version.
public enum JSONContract {
    /// The `format` member: what a faqexport document says it is.
    public static let format = "faqexport"
    /// The `version` member, MAJOR.MINOR.
    public static let version = "1.0"

    /// The document's members, in the order the writer gives them.
    public enum DocumentKey: String, CodingKey, Sendable {
        case format, version, metadata, source, preamble, entries, sections
    }

    public enum MetadataKey: String, CodingKey, Sendable {
        case title, description, keywords, lang, date, permalink, url, authors
        case ogTitle = "og_title", ogDescription = "og_description", extra
    }

    public enum SectionKey: String, CodingKey, Sendable {
        case id, title, titleContent = "title_content", url, intro, entries, location
    }

    /// `url`, `answer_text` and `answer_html` are written for consumers and not decoded:
    /// the model holds what they are derived from.
    public enum EntryKey: String, CodingKey, Sendable {
        case id, question, questionContent = "question_content", url
        case answerText = "answer_text", answerHTML = "answer_html", answer, location
    }

    public enum LocationKey: String, CodingKey, Sendable {
        case file, line, column
    }

    /// Members of block and inline nodes (and list items).
    public enum NodeKey: String, CodingKey, Sendable {
        case type, content, level, id, kind, start, tight, items, task, language, text
        case alignments, header, rows, url, title, alt
    }

    /// `type` of a block node.
    public enum BlockType: String, Sendable {
        case paragraph, heading, list, codeBlock = "code_block", blockQuote = "block_quote", table
        case thematicBreak = "thematic_break"
    }

    /// `type` of an inline node.
    public enum InlineType: String, Sendable {
        case text, code, emphasis, strong, strikethrough, link, image
        case lineBreak = "line_break", softBreak = "soft_break"
    }
}
