import FAQModel

/// The one registry of formats. Adding a format: its folder (emitter and `FormatDescriptor`),
/// one case and one line in `descriptor` here, and its tests (a validator in the test
/// suite's `FormatValidators`, which fails for a format without one).
public enum OutputFormat: CaseIterable, Sendable, Hashable, RawRepresentable {
    case man, xhtml, epub, text, json, jsonld

    public var descriptor: FormatDescriptor {
        switch self {
        case .man: return ManEmitter.format
        case .xhtml: return XHTMLEmitter.format
        case .epub: return EPUBEmitter.format
        case .text: return TextEmitter.format
        case .json: return JSONEmitter.format
        case .jsonld: return JSONLDEmitter.format
        }
    }

    /// The descriptor's name: what `--format` accepts.
    public var rawValue: String { descriptor.name }

    public init?(rawValue: String) {
        guard let format = Self.allCases.first(where: { $0.rawValue == rawValue }) else { return nil }
        self = format
    }

    public var fileExtension: String { descriptor.fileExtension }
    public var mediaType: String { descriptor.mediaType }
    public var emitter: any Emitter { descriptor.emitter }
}
