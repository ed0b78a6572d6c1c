/*
 * lake/peers.c - several lakes in one SQL session.
 *
 * Layer: lake. A session's handle attaches its first DuckLake itself; each further ATTACH
 * makes a peer: a lake handle of its own (its own DuckDB, catalog, store and __lh helper
 * database, so nothing of one lake's statements can meet another's), held by the
 * session's handle. Each statement runs on one lake: the one its target names (INSERT
 * INTO b.t, CREATE TABLE b.t, DROP TABLE b.t, ...), else the one USE chose. A table of
 * another lake that it reads (b.t, b.main.t) becomes a view, in the running lake's
 * DuckDB, of that lake's committed files (rewrite.c), so queries join across lakes and
 * INSERT ... SELECT copies between them. A transaction writes one lake: while one is
 * open, statements that would write another are refused.
 */
#include "lake/lake_int.h"
#include "store/s3.h"

#include <stdlib.h>
#include <string.h>

static lh_status nomem(lh_lake *lake)
{
	return lh_lake_fail(lake, LH_ERR_NOMEM, "out of memory");
}

static lh_lake *root_of(lh_lake *lake)
{
	return lake->root ? lake->root : lake;
}

lh_lake *lh_peers_find(lh_lake *lake, const char *name)
{
	lh_lake *root = root_of(lake);
	if (!name)
		return NULL;
	if (root != lake && lh_lake_attached(root) && lh_lake_is_name(root, name))
		return root;
	for (size_t i = 0; i < root->peers.len; i++)
		if (root->peers.items[i] != lake && lh_lake_is_name(root->peers.items[i], name))
			return root->peers.items[i];
	return NULL;
}

static char *dup_or_null(const char *s, bool *ok)
{
	char *d = s ? lh_strdup(s) : NULL;
	*ok &= !s || d;
	return d;
}

/* The session's secrets, for a new peer to open its catalog and store with. */
static lh_status copy_secrets(lh_lake *from, lh_lake *to)
{
	bool ok = true;
	if (from->s3_secret) {
		lh_s3_secret *s = calloc(1, sizeof *s);
		ok = s != NULL;
		if (s) {
			*s = *from->s3_secret;
			s->key_id = dup_or_null(from->s3_secret->key_id, &ok);
			s->secret = dup_or_null(from->s3_secret->secret, &ok);
			s->session_token = dup_or_null(from->s3_secret->session_token, &ok);
			s->region = dup_or_null(from->s3_secret->region, &ok);
			s->endpoint = dup_or_null(from->s3_secret->endpoint, &ok);
		}
		if (s && ok && lh_lake_set_s3_secret(to, s) != LH_OK)
			ok = false;
		else if (s && !ok) {
			lh_s3_secret_clear(s);
			free(s);
		}
	}
	for (size_t i = 0; ok && i < from->lake_secrets.len; i++) {
		const lh_lake_secret *ls = &from->lake_secrets.items[i];
		lh_lake_secret c = {.name = dup_or_null(ls->name, &ok),
		                    .metadata_path = dup_or_null(ls->metadata_path, &ok),
		                    .data_path = dup_or_null(ls->data_path, &ok)};
		if (!ok || lh_lake_add_secret(to, &c, true) != LH_OK) {
			free(c.name);
			free(c.metadata_path);
			free(c.data_path);
			ok = false;
		}
	}
	return ok ? LH_OK : nomem(from);
}

lh_status lh_peers_attach(lh_lake *lake, const lh_attach *a)
{
	lh_lake *root = root_of(lake);
	if (lh_peers_find(root, a->alias) || lh_lake_is_name(root, a->alias))
		return lh_lake_fail(root, LH_ERR_EXISTS,
		                    "this session already has a lake named '%s': DETACH %s first, or "
		                    "attach it AS another name",
		                    a->alias, a->alias);
	lh_lake *peer = NULL;
	char *msg = NULL;
	lh_status st = lh_session_open(&peer, &msg);
	if (st != LH_OK) {
		st = lh_lake_fail(root, st, "cannot attach '%s': %s", a->alias, msg ? msg : "");
		free(msg);
		return st;
	}
	st = copy_secrets(root, peer);
	if (st == LH_OK && lh_lake_attach(peer, a) != LH_OK)
		st = lh_lake_fail(root, peer->err.code ? peer->err.code : LH_ERR_INVALID, "%s",
		                  lh_err_msg(&peer->err));
	peer->root = root;
	if (st == LH_OK && LH_VEC_PUSH(&root->peers, peer) != LH_OK)
		st = nomem(root);
	if (st != LH_OK)
		lh_lake_close(&peer);
	return st;
}

lh_status lh_peers_detach(lh_lake *lake, const char *name)
{
	lh_lake *root = root_of(lake);
	for (size_t i = 0; i < root->peers.len; i++) {
		lh_lake *p = root->peers.items[i];
		if (!lh_lake_is_name(p, name))
			continue;
		if (p->txn_open)
			return lh_lake_fail(root, LH_ERR_TXN, "cannot detach '%s' inside a transaction: "
			                    "COMMIT or ROLLBACK first", name);
		if (root->current == p)
			root->current = NULL;
		memmove(root->peers.items + i, root->peers.items + i + 1,
		        (root->peers.len - i - 1) * sizeof *root->peers.items);
		root->peers.len--;
		lh_lake_close(&p);
		return LH_OK;
	}
	return lh_lake_fail(root, LH_ERR_NOT_FOUND, "no lake named '%s' is attached", name);
}

void lh_peers_close(lh_lake *lake)
{
	for (size_t i = 0; i < lake->peers.len; i++)
		lh_lake_close(&lake->peers.items[i]);
	LH_VEC_FREE(&lake->peers);
	lake->current = NULL;
}

lh_status lh_peers_use(lh_lake *lake, const char *name, bool *done)
{
	lh_lake *root = root_of(lake);
	*done = false;
	if (root->peers.len == 0)
		return LH_OK;
	lh_lake *chosen = NULL;
	for (size_t i = 0; i < root->peers.len; i++)
		if (lh_lake_is_name(root->peers.items[i], name))
			chosen = root->peers.items[i];
	if (lh_lake_attached(root) && lh_lake_is_name(root, name)) {
		root->current = NULL; /* (its USE runs as in a session of one lake) */
	} else if (chosen) {
		/* its unqualified names, in its DuckDB too */
		lh_status st = lh_engine_exec_named(chosen->engine, "USE", chosen->name, &root->err);
		if (st != LH_OK)
			return st;
		root->current = chosen;
		*done = true;
	} else {
		return LH_OK; /* another database: DuckDB's USE where the statement runs */
	}
	for (size_t i = 0; i < root->peers.len; i++)
		root->peers.items[i]->is_default = root->peers.items[i] == chosen;
	root->is_default = !chosen;
	return LH_OK;
}

lh_lake *lh_peers_runner(lh_lake *lake, const char *target_catalog, bool writes,
                         bool txn_control, lh_status *st)
{
	lh_lake *root = root_of(lake);
	*st = LH_OK;
	if (root->peers.len == 0)
		return root;
	lh_lake *run = root->current ? root->current : root;
	if (target_catalog) {
		if (lh_lake_attached(root) && lh_lake_is_name(root, target_catalog))
			run = root;
		for (size_t i = 0; i < root->peers.len; i++)
			if (lh_lake_is_name(root->peers.items[i], target_catalog))
				run = root->peers.items[i];
	}
	/* a transaction writes one lake */
	lh_lake *open = root->txn_open ? root : NULL;
	for (size_t i = 0; !open && i < root->peers.len; i++)
		open = root->peers.items[i]->txn_open ? root->peers.items[i] : NULL;
	if (open && open != run && writes) {
		*st = lh_lake_fail(root, LH_ERR_TXN,
		                   "a transaction writes one lake, and this one is open on '%s': COMMIT "
		                   "or ROLLBACK it before changing '%s'",
		                   open->name, run->name);
		return NULL;
	}
	/* COMMIT and ROLLBACK go where the transaction is */
	return open && txn_control ? open : run;
}
