//! Invite operations, one job per module: the row and its JSON ([`row`]), request bodies and
//! their validation ([`validate`]), the SQL ([`store`]), and the handlers: creating ([`create`]),
//! reading ([`read`]), changing one invite ([`manage`]), redeeming codes ([`redeem`]).

mod audit;
mod create;
mod join;
mod manage;
mod read;
mod redeem;
mod row;
mod store;
mod validate;

pub(super) use create::{create, create_batch};
pub(super) use join::{page_join, page_lookup, page_send_code};
pub(super) use manage::{resend, revoke, rotate, update};
pub(super) use read::{deliveries, get, list, redemptions};
pub(crate) use redeem::AcceptHint;
pub(super) use redeem::{accept, lookup};
pub(crate) use row::StoredJson;
pub(crate) use store::{InviteReads, invite_reads};
