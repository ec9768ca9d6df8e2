using Microsoft.Extensions.Logging;
using OneBotBridge.Core.Storage;

namespace OneBotBridge.Core.Ids;

/// <summary>
/// Gives every platform id a number that frameworks can keep: deterministic first (a stable hash of
/// the id into <see cref="IdOptions.Range"/>, so even a lost database gives the same numbers in almost
/// every case) and persistent (a collision is probed to the next free candidate and remembered).
/// Lookups are served from memory; a new mapping is returned only once it is stored.
/// </summary>
public sealed partial class IdMap
{
    /// <summary>Random probes before falling back to a scan for a free number: only a nearly full range gets there.</summary>
    private const int MaxHashProbes = 1_000;

    private readonly Lock _gate = new();
    private readonly Dictionary<PlatformId, Assignment> _numbers = [];
    private readonly Dictionary<(IdSpace Space, long Number), List<PlatformId>> _names = [];
    private readonly IBridgeStore _store;
    private readonly NumberRange _range;
    private readonly ILogger _logger;

    private IdMap(IBridgeStore store, NumberRange range, ILogger logger)
    {
        _store = store;
        _range = range;
        _logger = logger;
    }

    /// <summary>Loads every remembered mapping from <paramref name="store"/>.</summary>
    public static async Task<IdMap> LoadAsync(
        IBridgeStore store, IdOptions options, ILogger<IdMap> logger, CancellationToken cancellationToken)
    {
        var map = new IdMap(store, options.Range, logger);
        foreach (var mapping in await store.LoadIdMappingsAsync(cancellationToken).ConfigureAwait(false))
        {
            map.Remember(mapping.Id, mapping.Number, Task.CompletedTask);
        }

        return map;
    }

    /// <summary>How many platform ids have a number.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _numbers.Count;
            }
        }
    }

    /// <summary>The number of <paramref name="id"/> in its space, assigned and stored on first sight.</summary>
    public ValueTask<long> GetNumberAsync(PlatformId id, CancellationToken cancellationToken)
    {
        Assignment assignment;
        lock (_gate)
        {
            assignment = _numbers.TryGetValue(id, out var known) ? EnsurePersisting(id, known) : Assign(id, id);
        }

        return assignment.WhenPersistedAsync(cancellationToken);
    }

    /// <summary>
    /// The user number of <paramref name="openid"/>; all openids that share <paramref name="unionOpenId"/>
    /// share one number. A person is numbered by the union id when first seen with one (so the number does
    /// not depend on the scene they were first seen in); an openid already numbered keeps its number.
    /// </summary>
    public ValueTask<long> GetUserNumberAsync(PlatformId openid, string? unionOpenId, CancellationToken cancellationToken)
    {
        if (openid.Space != IdSpace.User)
        {
            throw new ArgumentException($"{openid} does not name a user", nameof(openid));
        }

        if (string.IsNullOrEmpty(unionOpenId))
        {
            return GetNumberAsync(openid, cancellationToken);
        }

        var union = new PlatformId(IdKind.UnionOpenId, unionOpenId);
        Assignment assignment;
        lock (_gate)
        {
            var knownOpenId = _numbers.TryGetValue(openid, out var byOpenId) ? EnsurePersisting(openid, byOpenId) : null;
            var knownUnion = _numbers.TryGetValue(union, out var byUnion) ? EnsurePersisting(union, byUnion) : null;
            assignment = (knownOpenId, knownUnion) switch
            {
                (not null, null) => Both(knownOpenId, Remember(union, knownOpenId.Number, Save(union, knownOpenId.Number))),
                (not null, not null) => Both(knownOpenId, knownUnion),
                (null, not null) => Both(knownUnion, Remember(openid, knownUnion.Number, Save(openid, knownUnion.Number))),
                _ => Attach(openid, Assign(union, union)),
            };

            if (knownOpenId is not null && knownUnion is not null && knownOpenId.Number != knownUnion.Number)
            {
                Log.UnionSplit(_logger, openid, knownOpenId.Number, knownUnion.Number);
            }
        }

        return assignment.WhenPersistedAsync(cancellationToken);
    }

    /// <summary>
    /// Makes <paramref name="alias"/> another name of <paramref name="number"/> (e.g. the direct-message guild
    /// of a guild user). An alias that already has a number keeps it; that number is returned.
    /// </summary>
    public ValueTask<long> AttachAsync(PlatformId alias, long number, CancellationToken cancellationToken)
    {
        Assignment assignment;
        lock (_gate)
        {
            if (_numbers.TryGetValue(alias, out var known))
            {
                assignment = EnsurePersisting(alias, known);
            }
            else
            {
                if (!_names.ContainsKey((alias.Space, number)))
                {
                    throw new ArgumentException($"no {alias.Space.ToString().ToLowerInvariant()} is numbered {number}", nameof(number));
                }

                assignment = Remember(alias, number, Save(alias, number));
            }
        }

        return assignment.WhenPersistedAsync(cancellationToken);
    }

    /// <summary>The number of an id seen before, without assigning one.</summary>
    public bool TryGetNumber(PlatformId id, out long number)
    {
        lock (_gate)
        {
            var found = _numbers.TryGetValue(id, out var assignment);
            number = found ? assignment!.Number : 0;
            return found;
        }
    }

    /// <summary>The id a number was first given to: for a group number, the group openid or the channel id.</summary>
    public bool TryResolve(IdSpace space, long number, out PlatformId id)
    {
        lock (_gate)
        {
            var found = _names.TryGetValue((space, number), out var names);
            id = found ? names![0] : default;
            return found;
        }
    }

    /// <summary>
    /// The id of <paramref name="kind"/> that addresses <paramref name="number"/> in that kind's space, e.g. the
    /// C2C <c>user_openid</c>, the group <c>member_openid</c> or the direct-message guild of a user number.
    /// The most recently attached one wins.
    /// </summary>
    public bool TryGetAddress(IdKind kind, long number, out string platformId)
    {
        lock (_gate)
        {
            if (_names.TryGetValue((kind.Space(), number), out var names))
            {
                for (var i = names.Count - 1; i >= 0; i--)
                {
                    if (names[i].Kind == kind)
                    {
                        platformId = names[i].Value;
                        return true;
                    }
                }
            }

            platformId = "";
            return false;
        }
    }

    /// <summary>Every id numbered <paramref name="number"/> in <paramref name="space"/>, oldest first.</summary>
    public IReadOnlyList<PlatformId> NamesOf(IdSpace space, long number)
    {
        lock (_gate)
        {
            return _names.TryGetValue((space, number), out var names) ? [.. names] : [];
        }
    }

    /// <summary>Numbers <paramref name="id"/> by hashing <paramref name="hashedId"/>, probing past numbers taken in its space.</summary>
    private Assignment Assign(PlatformId id, PlatformId hashedId)
    {
        var number = FindFreeNumber(hashedId);
        return Remember(id, number, Save(id, number));
    }

    private long FindFreeNumber(PlatformId hashedId)
    {
        var key = hashedId.ToString();
        var first = StableHash.Into(_range, key, 0);
        for (var attempt = 0; attempt < MaxHashProbes; attempt++)
        {
            var candidate = attempt == 0 ? first : StableHash.Into(_range, key, attempt);
            if (!_names.ContainsKey((hashedId.Space, candidate)))
            {
                if (attempt > 0)
                {
                    Log.Collision(_logger, hashedId, first, candidate, attempt);
                }

                return candidate;
            }
        }

        for (ulong step = 1; step < _range.Size; step++)
        {
            var candidate = _range.Min + (long)(((ulong)(first - _range.Min) + step) % _range.Size);
            if (!_names.ContainsKey((hashedId.Space, candidate)))
            {
                Log.Collision(_logger, hashedId, first, candidate, MaxHashProbes);
                return candidate;
            }
        }

        throw new InvalidOperationException(
            $"ids.range {_range} has no free {hashedId.Space.ToString().ToLowerInvariant()} number left for {hashedId}; widen ids.range");
    }

    /// <summary>Gives <paramref name="openid"/> the number of <paramref name="union"/>.</summary>
    private Assignment Attach(PlatformId openid, Assignment union) =>
        Both(union, Remember(openid, union.Number, Save(openid, union.Number)));

    private Assignment Remember(PlatformId id, long number, Task persisted)
    {
        var assignment = new Assignment(number, persisted);
        _numbers[id] = assignment;
        var key = (id.Space, number);
        if (!_names.TryGetValue(key, out var names))
        {
            _names[key] = names = [];
        }

        names.Add(id);
        return assignment;
    }

    /// <summary>A mapping whose save failed is saved again, so one storage hiccup does not leave it unstored.</summary>
    private Assignment EnsurePersisting(PlatformId id, Assignment assignment)
    {
        if (assignment.Persisted.IsFaulted || assignment.Persisted.IsCanceled)
        {
            assignment.Persisted = Save(id, assignment.Number);
        }

        return assignment;
    }

    private Task Save(PlatformId id, long number) =>
        _store.SaveIdMappingAsync(new IdMapping(id, number), CancellationToken.None);

    /// <summary>The number of <paramref name="result"/>, stored once both assignments are.</summary>
    private static Assignment Both(Assignment result, Assignment other) =>
        other.Persisted.IsCompletedSuccessfully
            ? result
            : new Assignment(result.Number, Task.WhenAll(result.Persisted, other.Persisted));

    private sealed class Assignment(long number, Task persisted)
    {
        public long Number { get; } = number;

        /// <summary>Completes when the mapping is stored; a lookup waits for it so no caller sees an unstored number.</summary>
        public Task Persisted { get; set; } = persisted;

        public ValueTask<long> WhenPersistedAsync(CancellationToken cancellationToken) =>
            Persisted.IsCompletedSuccessfully ? ValueTask.FromResult(Number) : WaitAsync(cancellationToken);

        private async ValueTask<long> WaitAsync(CancellationToken cancellationToken)
        {
            await Persisted.WaitAsync(cancellationToken).ConfigureAwait(false);
            return Number;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Debug, Message = "{Id} hashed to {First}, which was taken; numbered {Number} after {Attempts} probes")]
        public static partial void Collision(ILogger logger, PlatformId id, long first, long number, int attempts);

        [LoggerMessage(Level = LogLevel.Debug, Message = "{OpenId} keeps number {Number} although its union id has {UnionNumber}: both were numbered before they were seen together")]
        public static partial void UnionSplit(ILogger logger, PlatformId openId, long number, long unionNumber);
    }
}
