import Dispatch
import Foundation

/// Work spread over the cores inside a synchronous step (linking), where a task group would make the step async.
public enum Parallel {
    /// Where each thread puts its results: every index is written by exactly one thread, and read only after all
    /// of them are done.
    private final class Slots<Value>: @unchecked Sendable {
        var values: [Value?]
        init(count: Int) { values = [Value?](repeating: nil, count: count) }
    }

    /// `transform` of every element, in order, computed on all cores in chunks.
    public static func map<Element: Sendable, Result: Sendable>(_ elements: [Element], _ transform: @Sendable (Element) -> Result) -> [Result] {
        map(elements, alongside: {}, transform).results
    }

    /// ``map(_:_:)`` with `side` run at the same time: whichever thread starts first runs `side`, and every other
    /// thread goes on with the elements, then that one too once `side` is done. Called inside ``both(_:_:)`` instead,
    /// the map's chunks ran on one thread while the other core waited for the map to finish.
    public static func map<Element: Sendable, Result: Sendable, Side: Sendable>(
        _ elements: [Element], alongside side: @Sendable () -> Side, _ transform: @Sendable (Element) -> Result
    ) -> (results: [Result], side: Side) {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        guard cores > 1, elements.count > 64 else { return (elements.map(transform), side()) }
        // Many small chunks, taken in turn by whichever thread is free: elements can differ a hundredfold in cost
        // (a transliterated name against an ASCII one), and a few large chunks left one core idle at the end.
        let chunks = min(elements.count, cores * 32)
        let slots = Slots<Result>(count: elements.count), sideSlot = Slots<Side>(count: 1)
        slots.values.withUnsafeMutableBufferPointer { buffer in
            let pointer = UncheckedPointer(base: buffer.baseAddress!)
            // Iterations are handed out in order, so the side job is the first one taken.
            DispatchQueue.concurrentPerform(iterations: chunks + 1) { iteration in
                guard iteration > 0 else {
                    sideSlot.values[0] = side()
                    return
                }
                let chunk = iteration - 1
                let start = elements.count * chunk / chunks, end = elements.count * (chunk + 1) / chunks
                for index in start..<end { pointer.base[index] = transform(elements[index]) }
            }
        }
        return (slots.values.map { $0! }, sideSlot.values[0]!)
    }

    /// Runs `first` and `second` at the same time and returns both results.
    public static func both<A: Sendable, B: Sendable>(_ first: @Sendable () -> A, _ second: @Sendable () -> B) -> (A, B) {
        let a = Slots<A>(count: 1), b = Slots<B>(count: 1)
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            if index == 0 { a.values[0] = first() } else { b.values[0] = second() }
        }
        return (a.values[0]!, b.values[0]!)
    }

    /// Lets go of `value` on another thread. Freeing a linked site is hundreds of thousands of releases; a build
    /// that is done with it need not wait for them.
    public static func release<Value>(_ value: consuming Value) {
        let box = Retired(value)
        DispatchQueue.global(qos: .utility).async { box.value = nil }
    }

    /// Never lets go of `value`: for what a process that is about to end would only spend time freeing.
    public static func keep<Value>(_ value: consuming Value) {
        _ = Unmanaged.passRetained(Retired(value))
    }

    /// Holds a value until the thread that frees it takes it; touched by that thread only once handed over.
    private final class Retired<Value>: @unchecked Sendable {
        var value: Value?
        init(_ value: consuming Value) { self.value = value }
    }

    private struct UncheckedPointer<Value>: @unchecked Sendable {
        let base: UnsafeMutablePointer<Value?>
    }
}
