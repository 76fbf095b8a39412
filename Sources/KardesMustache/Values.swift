import Foundation

// MARK: - Values of a known type

/// `value` as `T`, the type `type(of: value)` gave, without the runtime's dynamic cast: `as!` from `Any` looks the
/// value's type up in the runtime for every tag (some 30 ns), and templates read millions of strings and flags.
/// The value is opened as a generic one and, being of exactly that type, taken as it is. An `Any` inside the `Any`
/// (an element of an `[Any]` passed on as a generic value), whose type `type(of:)` sees through but opening does
/// not, is cast as before.
@inline(__always)
func exactly<T>(_ value: Any, _: T.Type) -> T {
    func open<Opened>(_ opened: Opened) -> T { Opened.self == T.self ? unsafeBitCast(opened, to: T.self) : opened as! T }
    return _openExistential(value, do: open)
}

// MARK: - Value kinds

// swift-mustache decides what a value is with dynamic casts; these internal protocols let the same casts be made
// without reflection. Casts from `Any` see through `Optional.some`, exactly as swift-mustache's casts do.

/// `[String: V]` dictionaries, read by key like swift-mustache's `Dictionary: MustacheParent`.
protocol StringKeyedValue {
    func mustacheChild(named name: String) -> Any?
}

extension Dictionary: StringKeyedValue where Key == String {
    func mustacheChild(named name: String) -> Any? { self[name] }
}

/// Sequences that sections iterate: the types swift-mustache makes `MustacheSequence`.
protocol SequenceValue {
    var isEmptyMustacheSequence: Bool { get }
    func forEachMustacheElement(_ body: (Any) -> Void)
    /// Each element as the context entry a section pushes for it.
    func forEachMustacheEntry(_ body: (ContextEntry) -> Void)
    /// Each element as the context entry a section pushes for it, given ``mustacheObjectElement``.
    func forEachMustacheEntry(objects: (any MustacheObject.Type)?, _ body: (ContextEntry) -> Void)
    /// The element type when every element is a view model of one type, known from the sequence's type alone.
    static var mustacheObjectElement: (any MustacheObject.Type)? { get }
}

extension SequenceValue {
    func forEachMustacheEntry(_ body: (ContextEntry) -> Void) { forEachMustacheElement { body(ContextEntry.make($0)) } }
    func forEachMustacheEntry(objects: (any MustacheObject.Type)?, _ body: (ContextEntry) -> Void) { forEachMustacheEntry(body) }
    static var mustacheObjectElement: (any MustacheObject.Type)? { nil }
}

extension Array: SequenceValue {
    var isEmptyMustacheSequence: Bool { isEmpty }
    func forEachMustacheElement(_ body: (Any) -> Void) { for element in self { body(element) } }

    /// An array of view models (`[NavItem]`) is looked up once as a whole: its element type is opened as a generic
    /// parameter, so each element becomes an object without a dynamic cast of its own (a cast to a protocol costs a
    /// look-up in the runtime's conformance table, a few hundred nanoseconds, for every row of every list).
    func forEachMustacheEntry(_ body: (ContextEntry) -> Void) { forEachMustacheEntry(objects: Self.mustacheObjectElement, body) }

    func forEachMustacheEntry(objects objectType: (any MustacheObject.Type)?, _ body: (ContextEntry) -> Void) {
        guard let objectType else {
            for element in self { body(ContextEntry.make(element)) }
            return
        }
        func walk<T: MustacheObject>(_: T.Type) {
            // `Element` is `T`: `mustacheObjectElement` said so. One entry points at each element in turn, where it
            // lies in the array: an element copied into an entry of its own took a retain and a release for each of
            // its strings, and an object, for every row of every list. The array outlives the loop, and an entry is
            // on the stack only while its element renders; nothing keeps it (lookups copy values out).
            unsafeBitCast(self, to: [T].self).withUnsafeBufferPointer { elements in
                guard let base = elements.baseAddress else { return }
                let entry = ElementEntry(base)
                for index in elements.indices {
                    entry.element = base + index
                    body(entry)
                }
            }
        }
        walk(objectType)
    }

    static var mustacheObjectElement: (any MustacheObject.Type)? { Element.self as? any MustacheObject.Type }
}

extension Set: SequenceValue {
    var isEmptyMustacheSequence: Bool { isEmpty }
    func forEachMustacheElement(_ body: (Any) -> Void) { for element in self { body(element) } }
}

extension ReversedCollection: SequenceValue {
    var isEmptyMustacheSequence: Bool { isEmpty }
    func forEachMustacheElement(_ body: (Any) -> Void) { for element in self { body(element) } }
}

/// Recognises an `Optional` stored in an `Any` (a `nil` inside `[Any]` or `[String: Any]`), which swift-mustache
/// treats as a present value that prints `nil`.
protocol OptionalValue {
    var wrappedValue: Any? { get }
}

extension Optional: OptionalValue {
    var wrappedValue: Any? { self }
}

/// One entry of the context stack: a value classified once when it is pushed, so lookups do not cast it again.
///
/// Entries are objects, and the renderer's stack holds them unretained while a section renders (see
/// ``Renderer/push(_:)``): looking a name up at a level is then a call on a borrowed reference. As an enum with an
/// existential payload, each look at a level copied the view model out of the stack, a retain and a release for every
/// string it holds, at every level a name was looked for.
class ContextEntry {
    /// The value itself, for `{{.}}`.
    var value: Any { fatalError("abstract") }

    /// The child `name` of the value, or nil when it has none.
    func child(named name: String) -> Any? { nil }

    /// The entry for `value`.
    static func make(_ value: Any) -> ContextEntry {
        // The types view models hand out most, recognised by their exact type first: comparing type metadata is a
        // pointer comparison, while a cast to a protocol is a look-up in the runtime's conformance table.
        let type = type(of: value)
        if type == Shared.self { return ObjectEntry(exactly(value, Shared.self)) }
        if type == [String: String].self { return DictionaryEntry(exactly(value, [String: String].self)) }
        if case .object(let objectType) = ValueKinds.current.kind(of: value, type) { return make(value, as: objectType) }
        if let object = value as? any MustacheObject { return make(object: object) }
        if let dictionary = value as? any StringKeyedValue {
            func open<Dictionary: StringKeyedValue>(_ dictionary: Dictionary) -> ContextEntry { DictionaryEntry(dictionary) }
            return open(dictionary)
        }
        return OtherEntry(value)
    }

    /// The entry for a view model whose type is only known at run time: opened, so lookups call it directly.
    static func make(object: any MustacheObject) -> ContextEntry {
        func open<Object: MustacheObject>(_ object: Object) -> ContextEntry { ObjectEntry(object) }
        return open(object)
    }

    /// The entry for `value`, a view model of exactly the type `objectType`.
    static func make(_ value: Any, as objectType: any MustacheObject.Type) -> ContextEntry {
        // A cast to the exact type the value has compares two pointers; no conformance is looked up.
        func open<Object: MustacheObject>(_: Object.Type) -> ContextEntry { ObjectEntry(exactly(value, Object.self)) }
        return open(objectType)
    }
}

/// A view model on the stack, stored as its own type.
final class ObjectEntry<Object: MustacheObject>: ContextEntry {
    let object: Object

    init(_ object: Object) { self.object = object }

    override var value: Any { object }

    override func child(named name: String) -> Any? { object.child(named: name) }
}

/// An element of an array of view models on the stack, read where it lies in the array (see
/// `Array.forEachMustacheEntry(objects:_:)`, which keeps the array alive while the entry is used).
final class ElementEntry<Object: MustacheObject>: ContextEntry {
    /// The element; a pointer, so reading it copies no view model.
    var element: UnsafePointer<Object>

    init(_ element: UnsafePointer<Object>) { self.element = element }

    override var value: Any { element.pointee }

    override func child(named name: String) -> Any? { Object.child(named: name, of: element) }
}

/// A string-keyed dictionary on the stack (the translations every page reads, `{{#t}}…{{/t}}`).
final class DictionaryEntry<Dictionary: StringKeyedValue>: ContextEntry {
    let dictionary: Dictionary

    init(_ dictionary: Dictionary) { self.dictionary = dictionary }

    override var value: Any { dictionary }

    override func child(named name: String) -> Any? { dictionary.mustacheChild(named: name) }
}

/// Anything else on the stack (a string, a number): it has no children.
final class OtherEntry: ContextEntry {
    let other: Any

    init(_ other: Any) { self.other = other }

    override var value: Any { other }
}

/// The child `name` of any value: objects and string-keyed dictionaries have children, nothing else does.
/// (swift-mustache would also reflect on other structs with `Mirror`; view models here use `MustacheObject`.)
func child(named name: String, of value: Any) -> Any? {
    // As in `ContextEntry.init`: the common exact types before the casts to protocols.
    let type = type(of: value)
    if type == Shared.self { return exactly(value, Shared.self).child(named: name) }
    if type == [String: String].self { return exactly(value, [String: String].self)[name] }
    if case .object(let objectType) = ValueKinds.current.kind(of: value, type) {
        func open<Object: MustacheObject>(_: Object.Type) -> Any? { exactly(value, Object.self).child(named: name) }
        return open(objectType)
    }
    if let object = value as? any MustacheObject { return object.child(named: name) }
    if let dictionary = value as? any StringKeyedValue { return dictionary.mustacheChild(named: name) }
    return nil
}

/// `NSNull` (JSON `null`) stands for "no value" in swift-mustache (`MustacheCustomRepresentation`).
///
/// Compares the dynamic type rather than casting: on Linux `value is NSNull` bridges every `String` to an
/// `NSString` first, which cost more than the rest of a lookup.
func isNull(_ value: Any) -> Bool {
    type(of: value) == NSNull.self
}

/// A section's list whose elements are made one at a time while the section renders, and dropped once rendered:
/// a page listing 100,000 partnerships then never holds 100,000 view models at once. It renders like an array of the
/// same elements.
public struct LazyList: Sendable {
    /// How many elements the list has.
    public let count: Int
    private let element: @Sendable (Int) -> Any
    /// For a list of view models: the `i`th element as an object, so a section pushes it without a dynamic cast.
    private let object: (@Sendable (Int) -> any MustacheObject)?

    /// A list of `count` elements; `element(i)` makes the `i`th each time the list is rendered.
    public init(count: Int, element: @escaping @Sendable (Int) -> Any) {
        self.count = count
        self.element = element
        self.object = nil
    }

    /// A list of `count` view models; `object(i)` makes the `i`th each time the list is rendered. Renders like the
    /// list made with ``init(count:element:)``, with less work per element.
    public init<Object: MustacheObject & Sendable>(count: Int, objects object: @escaping @Sendable (Int) -> Object) {
        self.count = count
        self.element = { object($0) }
        self.object = { object($0) }
    }

    /// Every element, made at once: for tests and for engines that need an array.
    public var elements: [Any] { (0..<count).map(element) }

    public var isEmpty: Bool { count == 0 }
}

/// What the renderer needs to know of a value's type, found with casts to protocols once per type and thread: such a
/// cast looks the conformance up in the runtime's table, some hundred nanoseconds, and sections and dotted names met
/// the same few types (a row's list of city links, a page's facts) tens of thousands of times.
enum ValueKind {
    /// A sequence, and the view-model type of its elements when its type says.
    case sequence(any SequenceValue.Type, objects: (any MustacheObject.Type)?)
    /// A view model that is not a sequence.
    case object(any MustacheObject.Type)
    /// Anything else, or a type whose values the casts see through (an `Optional` holding a sequence or a view
    /// model): the renderer casts such values each time, as before.
    case unknown
}

/// The kinds of the types this thread's renderers have met. Each thread has its own, so it needs no lock; a render
/// runs on one thread from start to end (it never suspends).
final class ValueKinds {
    private var kinds: [ObjectIdentifier: ValueKind] = [:]

    /// The kind of `value`, whose dynamic type is `type`.
    func kind(of value: Any, _ type: Any.Type) -> ValueKind {
        if let known = kinds[ObjectIdentifier(type)] { return known }
        let kind: ValueKind
        // Only what the casts say of a value of exactly this type (not of a value inside it) is kept for the type.
        if let sequence = value as? any SequenceValue {
            let sequenceType = Swift.type(of: sequence)
            kind = sequenceType == type ? .sequence(sequenceType, objects: sequenceType.mustacheObjectElement) : .unknown
        } else if let object = value as? any MustacheObject, Swift.type(of: object) == type {
            kind = .object(Swift.type(of: object))
        } else {
            kind = .unknown
        }
        kinds[ObjectIdentifier(type)] = kind
        return kind
    }

    /// This thread's kinds.
    static var current: ValueKinds {
        if let stored = pthread_getspecific(key) { return Unmanaged<ValueKinds>.fromOpaque(stored).takeUnretainedValue() }
        let made = ValueKinds()
        pthread_setspecific(key, Unmanaged.passRetained(made).toOpaque())
        return made
    }

    /// The thread-specific slot, which releases a thread's kinds when the thread ends.
    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key) { release($0) }
        return key
    }()

    /// Releases the kinds a thread kept, as it ends (the slot's pointer is optional on Linux and not on Darwin).
    private static func release(_ stored: UnsafeMutableRawPointer?) {
        if let stored { Unmanaged<ValueKinds>.fromOpaque(stored).release() }
    }
}

extension LazyList: SequenceValue {
    var isEmptyMustacheSequence: Bool { count == 0 }
    func forEachMustacheElement(_ body: (Any) -> Void) { for index in 0..<count { body(element(index)) } }

    func forEachMustacheEntry(_ body: (ContextEntry) -> Void) {
        guard let object else {
            for index in 0..<count { body(ContextEntry.make(element(index))) }
            return
        }
        for index in 0..<count { body(ContextEntry.make(object: object(index))) }
    }
}

/// Text already written as UTF-8 bytes (a map's SVG), which a tag appends as it is: making a `String` of it would
/// check every byte once more, and a page's map is most of its bytes. `{{{x}}}` copies the bytes; `{{x}}` escapes
/// them as it escapes a string. It prints as its text, as a string would.
public struct UTF8Text: Sendable, CustomStringConvertible {
    /// The text; valid UTF-8, which its maker vouches for.
    public let bytes: [UInt8]

    public init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The text as a string.
    public var description: String { String(decoding: bytes, as: UTF8.self) }
}
