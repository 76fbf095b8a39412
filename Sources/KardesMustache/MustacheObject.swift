/// A value the templates read by name.
///
/// View models implement it with a `switch` over the names their templates use, so no reflection is needed:
/// ```swift
/// struct CityView: MustacheObject {
///     let name: String, url: String
///     func child(named name: String) -> Any? {
///         switch name {
///         case "name": self.name
///         case "url": url
///         default: nil
///         }
///     }
/// }
/// ```
/// Returning `nil` means "not here": the lookup goes on down the context stack, as swift-mustache does for
/// `MustacheParent`.
public protocol MustacheObject {
    /// The value called `name`, or `nil` when this object has none.
    /// - Parameter name: One part of a (possibly dotted) tag name.
    /// - Returns: The value, or `nil`.
    func child(named name: String) -> Any?

    /// ``child(named:)`` of the view model at `object`, read where it lies. The engine's context entries call this
    /// rather than ``child(named:)`` on a value they hold: they are generic over the view model's type, and a call on
    /// a value of an unspecialised generic type copies it first, a retain and a release for each of its strings,
    /// for every name looked up. The default, inlinable, is specialised for each conforming type where the
    /// conformance is declared, and reads the fields in place. Not for view models to implement.
    static func child(named name: String, of object: UnsafePointer<Self>) -> Any?
}

extension MustacheObject {
    @inlinable
    public static func child(named name: String, of object: UnsafePointer<Self>) -> Any? { object.pointee.child(named: name) }
}

/// A view model behind a reference, to hand out from a parent's `child(named:)` when templates read it often.
///
/// A struct returned as `Any` is copied into a box on every lookup, with a retain for each of its strings and
/// arrays: `{{meta.title}}` copied the whole page header (two dozen fields) each time a template named it. A
/// `Shared` is boxed as one reference. It is `Sendable` on the promise that `object` is an immutable value (view
/// models are `let`-only structs).
public final class Shared: MustacheObject, @unchecked Sendable {
    public let object: any MustacheObject

    public init(_ object: any MustacheObject) { self.object = object }

    public func child(named name: String) -> Any? { object.child(named: name) }
}
