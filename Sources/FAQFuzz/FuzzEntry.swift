import Foundation

#if FUZZING
/// libFuzzer's entry point (built with `make fuzz`).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    FuzzHarness.run(Array(UnsafeBufferPointer(start: data, count: size)), target: FuzzHarness.target)
    return 0
}
#else
/// Without libFuzzer: replays corpus files (`FAQFuzz FILE…`) through the same harness, so
/// `make test` keeps every input that ever crashed fixed.
@main struct FuzzReplay {
    static func main() {
        var count = 0
        for path in CommandLine.arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            // A front-matter seed lives in corpus/frontmatter/; an .html file is HTML, .xml/.dbk DocBook; the rest Markdown.
            let target: FuzzHarness.Target = path.contains("/frontmatter/") ? .frontmatter
                : path.hasSuffix(".html") || path.hasSuffix(".htm") ? .html
                : path.hasSuffix(".xml") || path.hasSuffix(".dbk") || path.contains("/docbook/") ? .docbook : .markdown
            FuzzHarness.run([UInt8](data), target: target)
            count += 1
        }
        print("replayed \(count) inputs")
    }
}
#endif
