// Property: for random parties, groups, records and field distributions, what
// each user can list, read, count, search and export equals exactly what the
// distribution definition allows — on every database.
import { before, after, test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { eachDialect } from "../helpers/dialects.ts";
import { startTestApp, type TestApp } from "../helpers/app.ts";
import { canSee, publicViewer, type Distribution, type PartyKind, type Viewer } from "../../src/core/access/distribution.ts";
import { loadViewer } from "../../src/server/platform/access.ts";
import { noteRepository } from "../../src/server/modules/notes/note.repository.ts";
import { presentNote } from "../../src/server/modules/notes/note.presenter.ts";
import { systemActor } from "../../src/server/platform/audit/audit.service.ts";

const kinds: PartyKind[] = ["party", "party", "party", "mediator", "observer"];

eachDialect("need-to-know property", (dialect) => {
  let t: TestApp;
  let run = 0;
  before(async () => {
    t = await startTestApp(dialect, { seed: false });
  });
  after(async () => t.close());

  test("list, read, count, search and export equal the definition", async () => {
    const scenario = fc.record({
      groups: fc.array(fc.record({ owner: fc.nat(4), members: fc.uniqueArray(fc.nat(4), { maxLength: 4 }) }), { maxLength: 3 }),
      records: fc.array(
        fc.record({
          owner: fc.nat(4),
          dist: fc.oneof(fc.constant("public"), fc.constant("shared"), fc.constant("mediator"), fc.nat(4).map((i) => `party:${i}`), fc.nat(2).map((i) => `group:${i}`)),
          bodyDist: fc.option(fc.oneof(fc.constant("public"), fc.constant("shared"), fc.constant("mediator"), fc.nat(4).map((i) => `party:${i}`), fc.nat(2).map((i) => `group:${i}`)), { nil: null }),
          secret: fc.boolean(),
        }),
        { maxLength: 25 },
      ),
    });
    await fc.assert(
      fc.asyncProperty(scenario, async (sc) => {
        const r = run++;
        const pid = (i: number) => `P${r}X${i}`;
        const gid = (i: number) => `g${r}-${i}`;
        const db = t.ctx.db;
        for (let i = 0; i < 5; i++) await t.ctx.accounts.addParty(systemActor, { id: pid(i), name: pid(i), kind: kinds[i]! });
        const groups = sc.groups.map((g, i) => ({ id: gid(i), members: [...new Set([g.owner, ...g.members])] }));
        for (const g of groups) {
          await db.insertInto("sharing_groups").values({ id: g.id, name: g.id, members_visible: 1, owner_party: pid(g.members[0]!), created_at: "2026-01-01T00:00:00Z" }).execute();
          await db.insertInto("group_members").values(g.members.map((m) => ({ group_id: g.id, party_id: pid(m) }))).execute();
        }
        const author = await t.ctx.accounts.addUser(systemActor, { username: `author${r}`, party: pid(0), role: "analyst", password: "long enough password" });
        const mapDist = (d: string): Distribution => {
          if (d.startsWith("party:")) return `party:${pid(Number(d.slice(6)))}`;
          if (d.startsWith("group:")) {
            const i = Number(d.slice(6));
            // A group that was not generated is still a valid, memberless distribution.
            return `group:${gid(i)}`;
          }
          return d as Distribution;
        };
        const rows = sc.records.map((rec, i) => ({
          id: `note_${r}_${String(i).padStart(3, "0")}`,
          owner_party: pid(rec.owner),
          author_user: author.id,
          title: `title ${r} ${i}`,
          body: rec.secret ? `needle${r} body ${i}` : `body ${i}`,
          distribution: mapDist(rec.dist),
          body_distribution: rec.bodyDist === null ? mapDist(rec.dist) : mapDist(rec.bodyDist),
          created_at: "2026-01-01T00:00:00Z",
          updated_at: "2026-01-01T00:00:00Z",
        }));
        for (const row of rows) await noteRepository.insert(db, row);
        const mine = new Set(rows.map((x) => x.id));

        const viewers: Viewer[] = [publicViewer];
        for (let i = 0; i < 5; i++) viewers.push(await loadViewer(db, { id: `u${i}`, party_id: pid(i), role: "analyst" }));
        viewers.push({ userId: "admin", party: null, partyKind: null, groups: [], role: "admin" });

        for (const v of viewers) {
          const expected = rows.filter((x) => canSee(v, x.distribution, x.owner_party)).map((x) => x.id).sort();
          const listed = (await noteRepository.list(db, v, {}, null, 100_000)).map((x) => x.id).filter((id) => mine.has(id)).sort();
          assert.deepEqual(listed, expected, `list for ${v.party ?? "none"}`);
          const exported: string[] = [];
          for await (const n of noteRepository.iterate(db, v, {}, 7)) if (mine.has(n.id)) exported.push(n.id);
          assert.deepEqual(exported.sort(), expected, "export");
          const counted = await noteRepository.count(db, v, { ownerParty: undefined });
          const countedMine = (await noteRepository.list(db, v, {}, null, 100_000)).length;
          assert.equal(counted, countedMine, "count equals list");
          for (const row of rows) {
            const got = await noteRepository.findVisible(db, v, row.id);
            assert.equal(got !== undefined, expected.includes(row.id), `read ${row.id}`);
            if (got) {
              const shown = presentNote(v, got);
              const bodyOk = canSee(v, row.body_distribution, row.owner_party);
              assert.equal(shown.body !== null, bodyOk, "field redaction");
            }
          }
          const search = (await noteRepository.list(db, v, { q: `needle${r}` }, null, 100_000)).map((x) => x.id).sort();
          const expectSearch = rows
            .filter((x) => expected.includes(x.id) && x.body.includes(`needle${r}`) && canSee(v, x.body_distribution, x.owner_party))
            .map((x) => x.id)
            .sort();
          assert.deepEqual(search, expectSearch, "search never matches a hidden field");
          const searchCount = await noteRepository.count(db, v, { q: `needle${r}` });
          assert.equal(searchCount, expectSearch.length, "search count");
        }
      }),
      { numRuns: 30 },
    );
  });
});
