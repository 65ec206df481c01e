using Jint;
using Jint.Native;
using Jint.Native.Object;

namespace Connector.Runtime.Scripting;

/// <summary>
/// Freezes everything a script can reach in a fresh engine, so that a pooled engine carries nothing from
/// one run to the next: not a global, not a patched prototype, not a property hung on a built-in function.
/// </summary>
/// <remarks>
/// The price: a script cannot assign a property that a frozen prototype already has (<c>error.name = ...</c>,
/// <c>obj.toString = ...</c>); strict mode throws a TypeError. Object literals and
/// <c>Object.defineProperty</c> still work for such names.
/// </remarks>
internal static class SandboxHardening
{
    // Objects no global leads to (iterator and generator prototypes) are reached from instances; the
    // legacy RegExp statics ($1, lastMatch, ...) would hand the previous run's last match to the next.
    private const string Prepare = """
        (function () {
          'use strict';
          for (const name of ['$1', '$2', '$3', '$4', '$5', '$6', '$7', '$8', '$9', 'input', '$_', 'lastMatch',
                              '$&', 'lastParen', '$+', 'leftContext', '$`', 'rightContext', "$'"]) {
            Reflect.deleteProperty(RegExp, name);
          }
          const hidden = [
            function* () {}, (function* () {})(),
            async function () {}, async function* () {}, (async function* () {})(),
            [][Symbol.iterator](), ''[Symbol.iterator](), new Map()[Symbol.iterator](), new Set()[Symbol.iterator](),
            /a/[Symbol.matchAll](''),
          ];
          if (typeof Iterator === 'function' && typeof Iterator.from === 'function') {
            hidden.push(Iterator.from({ next() { return { done: true }; } }));
          }
          if (typeof Iterator === 'function' && typeof Iterator.prototype.map === 'function') {
            hidden.push([].values().map(x => x));
          }
          if (typeof Intl === 'object' && typeof Intl.Segmenter === 'function') {
            const segments = new Intl.Segmenter().segment('a');
            hidden.push(segments, segments[Symbol.iterator]());
          }
          return hidden;
        })()
        """;

    /// <summary>Deep-freezes the engine's global object and every object reachable from it.</summary>
    /// <remarks>
    /// The walk runs in .NET rather than as a script, so it spends none of the statements, memory or time
    /// that <see cref="ScriptLimits"/> grants each run.
    /// </remarks>
    public static void Apply(Engine engine)
    {
        var freeze = engine.Intrinsics.Object.Get("freeze");
        var pending = new Stack<JsValue>([engine.Global, .. engine.Evaluate(Prepare).AsArray()]);
        var seen = new HashSet<ObjectInstance>(ReferenceEqualityComparer.Instance);
        while (pending.TryPop(out var value))
        {
            if (value is not ObjectInstance obj || !seen.Add(obj))
            {
                continue;
            }

            engine.Call(freeze, obj);
            pending.Push(obj.Prototype ?? JsValue.Null);
            foreach (var key in obj.GetOwnPropertyKeys())
            {
                var property = obj.GetOwnProperty(key);
                pending.Push(property.Value ?? JsValue.Undefined);
                pending.Push(property.Get ?? JsValue.Undefined);
                pending.Push(property.Set ?? JsValue.Undefined);
            }
        }
    }
}
