"""Saved scenarios and agendas: owned by whoever saved them, a taken name asks its owner first and
refuses anyone else, every version is kept, nothing is evicted, owners and admins archive."""

import pytest
from records_support import ADMIN, OTHER_PLANNER, PLANNER, records  # noqa: F401 - fixture

from metro_poverty import scenario_store
from metro_poverty.fgd import agendas

STEP = {"path": "kesehatan", "params": {"year": "2024"}, "title": "Stunting", "note": ""}


def test_saving_needs_a_signed_in_user(records):
    with pytest.raises(scenario_store.NotAllowed):
        scenario_store.save("Skenario Bappeda", {"transfer": "300000"}, None)
    with pytest.raises(agendas.NotAllowed):
        agendas.save("FGD", [STEP], None)


def test_a_saved_scenario_belongs_to_its_saver(records):
    s = scenario_store.save("Skenario Bappeda", {"transfer": "300000"}, PLANNER)
    assert (s.owner, s.body, s.version) == ("perencana.bappeda", {"transfer": "300000"}, 1)


def test_the_same_name_asks_its_owner_first_and_replacing_keeps_the_old_version(records):
    scenario_store.save("Skenario Bappeda", {"transfer": "300000"}, PLANNER)
    with pytest.raises(scenario_store.NeedsConfirmation):
        scenario_store.save(" skenario  BAPPEDA ", {"transfer": "900000"}, PLANNER)
    assert scenario_store.list_saved()[0].body == {"transfer": "300000"}  # unchanged until confirmed
    replaced = scenario_store.save("Skenario Bappeda", {"transfer": "900000"}, PLANNER, replace=True)
    assert (replaced.body, replaced.version, replaced.n_versions) == ({"transfer": "900000"}, 2, 2)
    assert len(scenario_store.list_saved()) == 1


@pytest.mark.parametrize("replace", [False, True])
def test_someone_elses_name_is_refused_even_when_asked_to_replace(records, replace):
    scenario_store.save("Skenario Bappeda", {"transfer": "300000"}, PLANNER)
    for user in (OTHER_PLANNER, ADMIN):
        with pytest.raises(scenario_store.NameTaken) as exc:
            scenario_store.save("Skenario Bappeda", {"transfer": "900000"}, user, replace=replace)
        assert exc.value.owner == "perencana.bappeda"
    assert scenario_store.list_saved()[0].body == {"transfer": "300000"}


def test_nothing_is_evicted_however_many_are_saved(records):
    for i in range(450):
        scenario_store.save(f"Skenario {i}", {"transfer": str(i)}, PLANNER)
    kept = scenario_store.list_saved()
    assert len(kept) == 450 and {s.name for s in kept} == {f"Skenario {i}" for i in range(450)}


def test_only_the_owner_or_an_admin_archives_and_the_name_is_free_again(records):
    s = scenario_store.save("Skenario Bappeda", {"transfer": "300000"}, PLANNER)
    with pytest.raises(scenario_store.NotAllowed):
        scenario_store.archive(s.id, OTHER_PLANNER)
    with pytest.raises(scenario_store.NotAllowed):
        scenario_store.archive(s.id, None)
    scenario_store.archive(s.id, ADMIN)
    assert scenario_store.list_saved() == []
    again = scenario_store.save("Skenario Bappeda", {"transfer": "1"}, OTHER_PLANNER)
    assert again.owner == "perencana.dua" and again.id != s.id


def test_an_archived_agenda_still_opens_by_its_link(records):
    a = agendas.save("FGD stunting", [STEP], PLANNER)
    agendas.archive(a["id"], PLANNER)
    assert agendas.list_agendas() == [] and agendas.get(a["id"])["archived"] is True
    assert [x["id"] for x in agendas.list_agendas(with_archived=True)] == [a["id"]]


def test_replacing_an_agenda_keeps_its_link(records):
    a = agendas.save("FGD stunting", [STEP], PLANNER)
    with pytest.raises(agendas.NeedsConfirmation):
        agendas.save("FGD stunting", [STEP, {**STEP, "title": "Kedua"}], PLANNER)
    b = agendas.save("FGD stunting", [STEP, {**STEP, "title": "Kedua"}], PLANNER, replace=True)
    assert b["id"] == a["id"] and len(agendas.get(a["id"])["steps"]) == 2 and b["versions"] == 2


def test_an_agenda_step_refuses_a_bad_page_path(records):
    with pytest.raises(ValueError):
        agendas.save("x", [{"path": "../etc/passwd", "params": {}, "title": "t"}], PLANNER)
