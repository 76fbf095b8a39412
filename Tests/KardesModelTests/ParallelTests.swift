import Foundation
import KardesModel
import Synchronization
import Testing

@Suite("Parallel")
struct ParallelTests {
    @Test("map gives the elements' results in order, for lists shorter and longer than a chunk per thread", arguments: [0, 1, 64, 65, 1000, 10_007])
    func map(count: Int) {
        let elements = Array(0..<count)
        #expect(Parallel.map(elements) { $0 * 3 + 1 } == elements.map { $0 * 3 + 1 })
    }

    @Test("map alongside a side job gives the map's results in order and the side job's result, running the side job once", arguments: [0, 3, 64, 65, 1000, 10_007])
    func mapAlongside(count: Int) {
        let elements = Array(0..<count).map { "item \($0)" }
        let sideRuns = Atomic<Int>(0)
        let (results, side) = Parallel.map(elements, alongside: { () -> [String: Int] in
            sideRuns.add(1, ordering: .relaxed)
            return Dictionary(uniqueKeysWithValues: elements.enumerated().map { ($1, $0) })
        }) { $0.uppercased() }
        #expect(results == elements.map { $0.uppercased() })
        #expect(side.count == count && side["item 0"] == (count > 0 ? 0 : nil))
        #expect(sideRuns.load(ordering: .relaxed) == 1)
    }

    @Test("a side job that takes longer than the whole map still finishes, and the map's elements are each done once")
    func slowSide() {
        let done = Atomic<Int>(0)
        let (results, side) = Parallel.map(Array(0..<500), alongside: { () -> String in
            Thread.sleep(forTimeInterval: 0.05)
            return "side"
        }) { (element: Int) -> Int in
            done.add(1, ordering: .relaxed)
            return element
        }
        #expect(results == Array(0..<500))
        #expect(side == "side")
        #expect(done.load(ordering: .relaxed) == 500)
    }
}
