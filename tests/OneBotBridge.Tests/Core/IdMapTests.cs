using Microsoft.Extensions.Logging.Abstractions;
using OneBotBridge.Core.Ids;
using OneBotBridge.Core.Storage;

namespace OneBotBridge.Tests.Core;

public sealed class IdMapTests
{
    private static readonly PlatformId Group = new(IdKind.GroupOpenId, "D4DE01234567890ABCDEF01234562B91");
    private static readonly PlatformId Member = new(IdKind.MemberOpenId, "7D29A0B1C2D3E4F5A6B7C8D9E0F1ABC7");
    private static readonly PlatformId Channel = new(IdKind.ChannelId, "100010");
    private static readonly PlatformId GuildUser = new(IdKind.GuildUserId, "1234");
    private static readonly PlatformId Guild = new(IdKind.GuildId, "18700000000001");

    private static Task<IdMap> LoadAsync(IBridgeStore store, NumberRange? range = null) =>
        IdMap.LoadAsync(store, new IdOptions { Range = range ?? IdOptions.DefaultRange }, NullLogger<IdMap>.Instance, CancellationToken.None);

    private static PlatformId User(int i) => new(IdKind.UserOpenId, $"{i:X32}");

    [Test]
    public async Task Numbers_are_pinned_so_a_change_of_hashing_cannot_renumber_everyone()
    {
        var map = await LoadAsync(new InMemoryBridgeStore());

        // SHA-256 of "kind:id", first 8 bytes big-endian, modulo the size of [10000, 2^31-1], plus 10000.
        Assert.Multiple(async () =>
        {
            Assert.That(await map.GetNumberAsync(Group, default), Is.EqualTo(553953180));
            Assert.That(await map.GetNumberAsync(Member, default), Is.EqualTo(545453505));
            Assert.That(await map.GetNumberAsync(Channel, default), Is.EqualTo(1921308554));
            Assert.That(await map.GetNumberAsync(GuildUser, default), Is.EqualTo(1364558291));
            Assert.That(await map.GetNumberAsync(Guild, default), Is.EqualTo(794680605));
        });
    }

    [Test]
    public async Task Two_fresh_maps_give_the_same_numbers_in_any_order()
    {
        var ids = Enumerable.Range(0, 200).Select(User).Concat([Group, Channel, GuildUser]).ToList();
        var first = await LoadAsync(new InMemoryBridgeStore());
        var second = await LoadAsync(new InMemoryBridgeStore());

        var forward = new List<long>();
        foreach (var id in ids)
        {
            forward.Add(await first.GetNumberAsync(id, default));
        }

        var backward = new Dictionary<PlatformId, long>();
        foreach (var id in Enumerable.Reverse(ids))
        {
            backward[id] = await second.GetNumberAsync(id, default);
        }

        Assert.That(forward, Is.EqualTo(ids.Select(id => backward[id])));
    }

    [Test]
    public async Task Numbers_stay_inside_the_configured_range()
    {
        var range = new NumberRange(500_000, 500_999);
        var map = await LoadAsync(new InMemoryBridgeStore(), range);

        var numbers = new List<long>();
        for (var i = 0; i < 300; i++)
        {
            numbers.Add(await map.GetNumberAsync(User(i), default));
        }

        Assert.That(numbers, Has.All.InRange(500_000L, 500_999L));
        Assert.That(numbers, Is.Unique);
    }

    [Test]
    public async Task Users_and_groups_are_numbered_in_separate_spaces()
    {
        var map = await LoadAsync(new InMemoryBridgeStore(), new NumberRange(7, 7));

        var user = await map.GetNumberAsync(User(1), default);
        var group = await map.GetNumberAsync(Group, default);

        Assert.That((user, group), Is.EqualTo((7L, 7L)));
        Assert.That(map.TryResolve(IdSpace.User, 7, out var userId) && userId == User(1));
        Assert.That(map.TryResolve(IdSpace.Group, 7, out var groupId) && groupId == Group);
        var full = Assert.ThrowsAsync<InvalidOperationException>(async () => await map.GetNumberAsync(User(2), default));
        Assert.That(full!.Message, Does.Contain("widen ids.range"));
    }

    [Test]
    public async Task Collisions_in_a_tiny_range_are_resolved_persisted_and_stable_across_a_restart()
    {
        using var database = new TempDatabase();
        var range = new NumberRange(1, 8);
        var users = Enumerable.Range(0, 8).Select(User).ToList();

        Dictionary<PlatformId, long> before = [];
        await using (var store = await database.OpenAsync())
        {
            var map = await LoadAsync(store, range);
            foreach (var user in users)
            {
                before[user] = await map.GetNumberAsync(user, default);
            }
        }

        Assert.That(before.Values, Is.Unique.And.All.InRange(1L, 8L));

        await using (var store = await database.OpenAsync())
        {
            var map = await LoadAsync(store, range);
            Assert.That(map.Count, Is.EqualTo(8));
            foreach (var user in users)
            {
                Assert.That(map.TryGetNumber(user, out var number) ? number : -1, Is.EqualTo(before[user]), user.ToString());
                Assert.That(map.TryResolve(IdSpace.User, before[user], out var resolved) ? resolved : default, Is.EqualTo(user));
            }

            // Reversed order in a fresh map would shuffle the probed numbers; persistence must win over that.
            Assert.That(await map.GetNumberAsync(users[^1], default), Is.EqualTo(before[users[^1]]));
        }
    }

    [Test]
    public async Task A_colliding_id_is_probed_to_the_same_number_by_every_fresh_map()
    {
        var range = new NumberRange(1, 16);
        async Task<List<long>> NumberAllAsync()
        {
            var map = await LoadAsync(new InMemoryBridgeStore(), range);
            var numbers = new List<long>();
            for (var i = 0; i < 12; i++)
            {
                numbers.Add(await map.GetNumberAsync(User(i), default));
            }

            return numbers;
        }

        var first = await NumberAllAsync();
        Assert.That(first, Is.Unique);
        Assert.That(await NumberAllAsync(), Is.EqualTo(first));
    }

    [Test]
    public async Task Openids_of_one_union_share_one_user_number_and_sends_use_the_openid_of_the_scene()
    {
        var map = await LoadAsync(new InMemoryBridgeStore());
        var member = new PlatformId(IdKind.MemberOpenId, "AAAA0000000000000000000000000001");
        var c2c = new PlatformId(IdKind.UserOpenId, "BBBB0000000000000000000000000001");
        const string union = "CCCC0000000000000000000000000001";

        var inGroup = await map.GetUserNumberAsync(member, union, default);
        var inC2C = await map.GetUserNumberAsync(c2c, union, default);

        Assert.That(inC2C, Is.EqualTo(inGroup));
        Assert.That(inGroup, Is.EqualTo(await (await LoadAsync(new InMemoryBridgeStore())).GetNumberAsync(new(IdKind.UnionOpenId, union), default)),
            "a person first seen with a union id is numbered by it, whichever scene came first");
        Assert.That(map.TryGetAddress(IdKind.MemberOpenId, inGroup, out var memberOpenId) ? memberOpenId : null, Is.EqualTo(member.Value));
        Assert.That(map.TryGetAddress(IdKind.UserOpenId, inGroup, out var userOpenId) ? userOpenId : null, Is.EqualTo(c2c.Value));
        Assert.That(map.TryGetAddress(IdKind.GuildUserId, inGroup, out _), Is.False);
    }

    [Test]
    public async Task An_openid_numbered_before_its_union_was_known_keeps_its_number_and_lends_it_to_the_union()
    {
        var map = await LoadAsync(new InMemoryBridgeStore());
        var member = new PlatformId(IdKind.MemberOpenId, "AAAA0000000000000000000000000002");
        var c2c = new PlatformId(IdKind.UserOpenId, "BBBB0000000000000000000000000002");
        const string union = "CCCC0000000000000000000000000002";

        var alone = await map.GetNumberAsync(member, default);
        var withUnion = await map.GetUserNumberAsync(member, union, default);
        var otherScene = await map.GetUserNumberAsync(c2c, union, default);

        Assert.That((withUnion, otherScene), Is.EqualTo((alone, alone)));
    }

    [Test]
    public async Task A_direct_message_guild_is_attached_to_its_guild_user()
    {
        var map = await LoadAsync(new InMemoryBridgeStore());
        var dmGuild = new PlatformId(IdKind.DirectMessageGuild, "98765");

        var user = await map.GetNumberAsync(GuildUser, default);
        var attached = await map.AttachAsync(dmGuild, user, default);

        Assert.That(attached, Is.EqualTo(user));
        Assert.That(map.TryGetAddress(IdKind.DirectMessageGuild, user, out var guildId) ? guildId : null, Is.EqualTo("98765"));
        Assert.That(map.NamesOf(IdSpace.User, user), Is.EqualTo(new[] { GuildUser, dmGuild }));
        Assert.Throws<ArgumentException>(() => map.AttachAsync(new(IdKind.DirectMessageGuild, "1"), 42, default));
    }

    [Test]
    public async Task Many_concurrent_lookups_of_new_ids_all_return_stored_numbers()
    {
        using var database = new TempDatabase();
        var ids = Enumerable.Range(0, 2_000).Select(User).ToList();
        Dictionary<PlatformId, long> numbers;
        await using (var store = await database.OpenAsync(batchSize: 64))
        {
            var map = await LoadAsync(store);
            var results = await Task.WhenAll(ids.Select(async id => (id, number: await map.GetNumberAsync(id, default))));
            numbers = results.ToDictionary(r => r.id, r => r.number);
        }

        await using (var store = await database.OpenAsync())
        {
            var stored = (await store.LoadIdMappingsAsync(default)).ToDictionary(m => m.Id, m => m.Number);
            Assert.That(stored, Has.Count.EqualTo(ids.Count));
            Assert.That(ids.Select(id => stored[id]), Is.EqualTo(ids.Select(id => numbers[id])));
        }
    }
}
