"""The pure geometry the SQLite search leans on."""

from hypothesis import given, settings
from hypothesis import strategies as st

from catalog import geo


@settings(max_examples=2000, deadline=None)
@given(
    lat=st.floats(-89, 89),
    lon=st.floats(-180, 180),
    radius_km=st.floats(0.01, 500),
    where=st.tuples(st.floats(0, 1), st.floats(0, 1)),
)
def test_a_point_in_the_inner_box_is_within_the_radius_and_the_box_inside_the_outer_one(lat, lon, radius_km, where):
    inner = geo.inner_box(lat, lon, radius_km)
    if inner is None:
        assert radius_km > geo.INNER_BOX_MAX_KM or abs(lat) > 80
        return
    min_lat, max_lat, min_lon, max_lon = inner
    point = (min_lat + where[0] * (max_lat - min_lat), min_lon + where[1] * (max_lon - min_lon))
    assert geo.distance_km(lat, lon, *point) <= radius_km
    outer = geo.bounding_box(lat, lon, radius_km)
    assert outer[0] <= min_lat and max_lat <= outer[1] and outer[2] <= min_lon and max_lon <= outer[3]


def test_the_inner_box_holds_most_of_the_circle():
    """Its corners are at 0.9 of the radius: about 40% of the box around the circle, measured unmeasured."""
    min_lat, max_lat, min_lon, max_lon = geo.inner_box(41.8, -87.6, 5)
    outer = geo.bounding_box(41.8, -87.6, 5)
    share = (max_lat - min_lat) * (max_lon - min_lon) / ((outer[1] - outer[0]) * (outer[3] - outer[2]))
    assert 0.39 < share < 0.42
    corner = geo.distance_km(41.8, -87.6, max_lat, max_lon)
    assert 4.4 < corner < 4.55
