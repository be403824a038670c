import CLibXML2
import FAQModel
import Foundation

/// libxml2's XML parser, configured for documents from anywhere: no network, no DTD
/// loading, no external entity ever read, no entity substituted by the parser (the
/// converters expand internal ones themselves, within a budget). Malformed XML is a
/// one-line error at its line and column. Used by the DocBook reader and for docutils' XML.
enum StrictXML {
    /// What the parser met that the converter must report or resolve.
    final class Entities: @unchecked Sendable {
        /// Names declared nowhere the parser could see, with the line of their first use.
        fileprivate(set) var undeclared: [(name: String, line: Int)] = []
        /// Standing in for declarations the document relies on (ISO sets of the DocBook 4
        /// DTD, an entity file that is not beside it): known characters, else `&name;` as text.
        fileprivate var resolve: (String) -> String?
        init(resolve: @escaping (String) -> String?) { self.resolve = resolve }
    }

    private static let initialized: Void = xmlInitParser()

    /// Parses `text`; `entities` (DocBook) lets undeclared entity names through instead of
    /// failing. The tree is freed when `body` returns.
    static func withDocument<T>(_ text: String, file: String, entities: Entities? = nil, _ body: (xmlDocPtr) throws -> T) throws -> T {
        _ = initialized
        var source = text
        let ctxt: xmlParserCtxtPtr? = source.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { xmlCreateMemoryParserCtxt($0.baseAddress, Int32(clamping: $0.count)) }
        }
        guard let ctxt else { throw ReadError("the XML parser could not be started", at: SourceLocation(file: file, line: 1)) }
        defer { xmlFreeParserCtxt(ctxt) }
        let options = XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
            | XML_PARSE_NOCDATA.rawValue | XML_PARSE_IGNORE_ENC.rawValue | XML_PARSE_BIG_LINES.rawValue
        xmlCtxtUseOptions(ctxt, Int32(options))
        // Without XML_PARSE_NOENT, DTDLOAD or DTDVALID libxml2 reads no external entity and no
        // external DTD; entity references stay in the tree as references.
        let state = ParseState(entities: entities)
        ctxt.pointee._private = Unmanaged.passUnretained(state).toOpaque()
        ctxt.pointee.sax.pointee.serror = firstError
        if entities != nil { ctxt.pointee.sax.pointee.getEntity = getEntity }
        let status = withExtendedLifetime((source, state)) { xmlParseDocument(ctxt) }
        let doc = ctxt.pointee.myDoc
        defer { if let doc { xmlFreeDoc(doc) } }
        guard status == 0, ctxt.pointee.wellFormed != 0, let doc else {
            // The first error says what is wrong; the last one often only that the data ended.
            let error = state.firstError ?? ("malformed XML", Int(ctxt.pointee.lastError.line), Int(ctxt.pointee.lastError.int2))
            throw ReadError("malformed XML: \(Self.oneLine(error.message))",
                            at: SourceLocation(file: file, line: max(1, error.line), column: max(1, error.column)))
        }
        return try body(doc)
    }

    /// Per parse, reached from libxml2's callbacks through the context's `_private`.
    private final class ParseState {
        let entities: Entities?
        var firstError: (message: String, line: Int, column: Int)?
        init(entities: Entities?) { self.entities = entities }
    }

    private static func state(_ ctx: UnsafeMutableRawPointer?) -> ParseState? {
        guard let ctxt = ctx?.assumingMemoryBound(to: xmlParserCtxt.self), let raw = ctxt.pointee._private else { return nil }
        return Unmanaged<ParseState>.fromOpaque(raw).takeUnretainedValue()
    }

    private static let firstError: xmlStructuredErrorFunc = { ctx, error in
        guard let error, error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue, let state = state(ctx), state.firstError == nil else { return }
        let message = error.pointee.message.map { String(cString: $0) }?.trimmingWhitespace() ?? "malformed XML"
        state.firstError = (message, Int(error.pointee.line), Int(error.pointee.int2))
    }

    static func oneLine(_ message: String) -> String {
        String(message.split(whereSeparator: \.isNewline).first ?? "").trimmingWhitespace()
    }

    /// SAX `getEntity`: the document's own declarations first; for a name declared nowhere,
    /// an internal entity made on the spot, so the reference stays in the tree (libxml2
    /// would drop it and stop with "Entity 'x' not defined").
    private static let getEntity: getEntitySAXFunc = { ctx, name in
        guard let ctx, let name else { return nil }
        if let found = xmlSAX2GetEntity(ctx, name) { return found }
        let ctxt = ctx.assumingMemoryBound(to: xmlParserCtxt.self)
        guard ctxt.pointee.inSubset == 0, let entities = state(ctx)?.entities, let doc = ctxt.pointee.myDoc else { return nil }
        let key = String(cString: name)
        let content: String
        if let character = entities.resolve(key) {
            content = character.unicodeScalars.map { "&#\($0.value);" }.joined()
        } else {
            entities.undeclared.append((key, Int(xmlSAX2GetLineNumber(ctx))))
            content = "&#38;\(key);"  // parsed as the text "&name;"
        }
        if doc.pointee.intSubset == nil { _ = xmlCreateIntSubset(doc, nil, nil, nil) }
        return xmlAddDocEntity(doc, name, Int32(XML_INTERNAL_GENERAL_ENTITY.rawValue), nil, nil, content)
    }
}

extension UnsafeMutablePointer where Pointee == xmlNode {
    var isEntityReference: Bool { pointee.type == XML_ENTITY_REF_NODE }

    /// The entity an entity-reference node names (nil when libxml2 found no declaration).
    var referencedEntity: UnsafeMutablePointer<xmlEntity>? {
        guard isEntityReference, let target = pointee.children else { return nil }
        return UnsafeMutableRawPointer(target).assumingMemoryBound(to: xmlEntity.self)
    }

    /// The namespace URI of an element, if any.
    var namespaceURI: String? { pointee.ns.flatMap { $0.pointee.href }.map { String(cString: $0) } }
}
