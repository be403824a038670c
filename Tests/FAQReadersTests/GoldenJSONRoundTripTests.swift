import FAQEmitters
import FAQModel
import Foundation
import Testing

/// Every golden JSON output — the reader goldens and the json emitter's goldens — decodes
/// (`Decodable`, for API consumers) into a model that the json writer turns back into the
/// same bytes: the writer and the decoder read the one contract (`JSONContract`).
@Suite struct GoldenJSONRoundTripTests {
    static let emitterGoldens = ReaderFixtures.root.deletingLastPathComponent()
        .appendingPathComponent("FAQEmittersTests/Golden")

    static var goldens: [URL] {
        [ReaderFixtures.golden.directory, emitterGoldens].flatMap { directory in
            ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
                .filter { $0.hasSuffix(".json") }.sorted().map { directory.appendingPathComponent($0) }
        }
    }

    @Test func thereAreGoldensOfBothKinds() {
        let paths = Self.goldens.map(\.path)
        #expect(paths.filter { $0.contains("/FAQReadersTests/Golden/") }.count >= 10)
        #expect(paths.filter { $0.contains("/FAQEmittersTests/Golden/") }.count >= 4)
    }

    @Test(arguments: goldens)
    func decodesAndWritesBackTheSameBytes(_ golden: URL) throws {
        let bytes = [UInt8](try Data(contentsOf: golden))
        let document = try JSONDecoder().decode(FAQDocument.self, from: Data(bytes))
        let written = try JSONEmitter().emit(document, options: EmitOptions()).bytes
        #expect(written == bytes, "\(golden.lastPathComponent) does not round-trip")
    }
}
