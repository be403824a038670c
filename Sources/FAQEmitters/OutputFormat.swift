import FAQModel

/// The one registry of formats: adding a format is a case here, its emitter file and its tests.
public enum OutputFormat: String, CaseIterable, Sendable, Hashable {
    case man, xhtml, epub, text, json, jsonld

    public var fileExtension: String {
        switch self {
        case .man: return "7"
        case .xhtml: return "xhtml"
        case .epub: return "epub"
        case .text: return "txt"
        case .json: return "json"
        case .jsonld: return "jsonld"
        }
    }

    public var mediaType: String {
        switch self {
        case .man: return "text/troff"
        case .xhtml: return "application/xhtml+xml"
        case .epub: return "application/epub+zip"
        case .text: return "text/plain; charset=utf-8"
        case .json: return "application/json"
        case .jsonld: return "application/ld+json"
        }
    }

    public var summary: String {
        switch self {
        case .man: return "man(7) page for man-db/groff and mandoc"
        case .xhtml: return "one EPUB-style XHTML5 document"
        case .epub: return "EPUB 3 book (several inputs make one book)"
        case .text: return "plain text wrapped by display width"
        case .json: return "the document model as versioned JSON"
        case .jsonld: return "schema.org FAQPage JSON-LD"
        }
    }

    /// Binary outputs are never written to a terminal.
    public var isBinary: Bool { self == .epub }

    public var emitter: any Emitter {
        switch self {
        case .man: return ManEmitter()
        case .xhtml: return XHTMLEmitter()
        case .epub: return EPUBEmitter()
        case .text: return TextEmitter()
        case .json: return JSONEmitter()
        case .jsonld: return JSONLDEmitter()
        }
    }
}
