import CCmarkGFM
import Dispatch
import FAQModel

/// Converts a large cmark tree on two threads: the top-level blocks from the middle on move
/// under a second document node, and each half is converted (and freed) by its own
/// `MarkdownConverter`. The parse itself is serial (cmark-gfm), but the conversion was
/// about half of reading a 10,000-entry FAQ, with the second core idle (bench/NOTES.md).
///
/// Safe because the halves share no C memory: each converter reads and frees only the
/// nodes under its own document node (freeing unlinks a node from its parent and
/// siblings, so they must not be shared), and the node allocator is malloc. The result is
/// the serial conversion's, item for item (`MarkdownReaderTests`).
enum SplitConversion {
    /// Below this many top-level blocks one thread converts: the hand-over costs more.
    static let defaultThreshold = 2048

    struct Result {
        var items: [FlowItem]
        var diagnostics: [Diagnostic]
        /// Raw HTML was met: the caller reads the document as HTML instead.
        var sawHTML: Bool
    }

    static func flow(_ root: OpaquePointer, threshold: Int = defaultThreshold, makeConverter: () -> MarkdownConverter) -> Result {
        var count = 0
        var node = cmark_node_first_child(root)
        while let n = node, count < threshold {
            count += 1
            node = cmark_node_next(n)
        }
        guard count >= threshold, let middle = Self.middle(root) else {
            var converter = makeConverter()
            let items = converter.flow(root)
            return Result(items: items, diagnostics: converter.diagnostics, sawHTML: converter.sawHTML)
        }

        let second = cmark_node_new(CMARK_NODE_DOCUMENT)!
        defer { cmark_node_free(second) }  // what its converter did not free (raw HTML stops it)
        var moving: OpaquePointer? = middle
        while let n = moving {
            moving = cmark_node_next(n)
            cmark_node_append_child(second, n)
        }

        let halves = [root, second].map { HalfJob(root: $0, converter: makeConverter()) }
        DispatchQueue.concurrentPerform(iterations: halves.count) { halves[$0].run() }

        let first = halves[0].converter, last = halves[1].converter
        // The converter's only diagnostic is the one-per-document nesting warning.
        let diagnostics = first.diagnostics.isEmpty ? last.diagnostics : first.diagnostics
        return Result(items: halves[0].items + halves[1].items, diagnostics: diagnostics, sawHTML: first.sawHTML || last.sawHTML)
    }

    /// The top-level block at about half of the document's lines (the halves then hold
    /// about as much text each); nil for a document of one block.
    private static func middle(_ root: OpaquePointer) -> OpaquePointer? {
        guard let lastChild = cmark_node_last_child(root), let firstChild = cmark_node_first_child(root), lastChild != firstChild else { return nil }
        let half = (cmark_node_get_start_line(firstChild) + cmark_node_get_end_line(lastChild)) / 2
        var node: OpaquePointer? = cmark_node_next(firstChild)
        while let n = node, n != lastChild {
            if cmark_node_get_start_line(n) >= half { return n }
            node = cmark_node_next(n)
        }
        return lastChild
    }

    /// One half's tree and converter. A class so the concurrent closure can hand each
    /// thread its own; the pointers are touched by that thread only.
    private final class HalfJob: @unchecked Sendable {
        let root: OpaquePointer
        var converter: MarkdownConverter
        var items: [FlowItem] = []

        init(root: OpaquePointer, converter: MarkdownConverter) {
            self.root = root
            self.converter = converter
        }

        func run() { items = converter.flow(root) }
    }
}
