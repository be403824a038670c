import CCmarkGFM
import Foundation
import Glibc

/// A cmark-gfm parse with the GFM extensions; the C tree is freed by `withDocument`
/// on every path, thrown errors included.
enum CmarkDocument {
    static let extensionNames = ["table", "strikethrough", "autolink", "tasklist"]

    /// cmark-gfm's extension registry is global and its registration is not thread-safe
    /// (two readers at once could register twice); a Swift `static let` runs it exactly once.
    private static let registered: Void = cmark_gfm_core_extensions_ensure_registered()
    private static let parseLock = NSLock()

    /// Parses `text` and lends the root to `body`; the tree never outlives the call.
    static func withDocument<T>(_ text: Substring, options: Int32 = CMARK_OPT_DEFAULT, _ body: (OpaquePointer, UnsafeMutablePointer<cmark_llist>?) throws -> T) rethrows -> T {
        _ = registered
        let parser = cmark_parser_new(options)!
        defer { cmark_parser_free(parser) }
        for name in extensionNames {
            if let ext = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, ext) }
        }
        // cmark-gfm keeps the extensions' special characters in a global table that every
        // parse switches on and off (`cmark_manage_extensions_special_characters`): two
        // parses at once lose autolinks and strikethrough at random. Parses take turns;
        // the conversion to Swift values, the larger part, still runs in parallel.
        let root = parseLock.withLock {
            // Fed in place (a copy of a large document would only add to the peak).
            let fed: Void? = text.utf8.withContiguousStorageIfAvailable { buffer in
                buffer.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
            }
            if fed == nil {
                var source = String(text)
                source.withUTF8 { buffer in
                    buffer.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
                }
            }
            return cmark_parser_finish(parser)!
        }
        defer { cmark_node_free(root) }
        return try body(root, cmark_parser_get_syntax_extensions(parser))
    }

    /// The subtree rendered as HTML, raw HTML kept and block elements carrying `data-sourcepos`,
    /// for documents that mix Markdown and HTML (they go through the HTML reader).
    static func html(_ root: OpaquePointer, extensions: UnsafeMutablePointer<cmark_llist>?) -> String {
        guard let cString = cmark_render_html(root, CMARK_OPT_UNSAFE | CMARK_OPT_SOURCEPOS, extensions) else { return "" }
        defer { free(cString) }
        return String(cString: cString)
    }
}
